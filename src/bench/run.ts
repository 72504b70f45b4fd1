// npm run bench: synthetic county, city and province catalogs; gk validate beside ajv-cli on the same files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { parseDocument } from 'yaml';
import { Ajv } from 'ajv';
import fg from 'fast-glob';
import { packageRoot } from '../io/files.js';
import { generateScenario } from './generate.js';
import { generateWorkspace } from './workspace.js';

interface Scenario {
  name: string;
  governments: number;
}

const SCENARIOS: Scenario[] = [
  { name: 'county', governments: 1 },
  { name: 'city', governments: 100 },
  { name: 'province', governments: 2000 },
];

const RSS_HOOK = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\n@maxrss "+process.resourceUsage().maxRSS+"\\n"))`;

function timed(cmd: string[], cwd: string): { seconds: number; rssMb: number; code: number | null } {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', RSS_HOOK, ...cmd], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const m = /@maxrss (\d+)/.exec(r.stderr ?? '');
  return { seconds, rssMb: m ? Number(m[1]) / 1024 : NaN, code: r.status };
}

function warm(dir: string): void {
  for (const f of fg.sync(['**/*.yaml'], { cwd: dir, absolute: true })) fs.readFileSync(f);
}

function phase<T>(label: string, fn: () => T): T {
  const start = process.hrtime.bigint();
  const out = fn();
  console.log(`    ${label.padEnd(34)} ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(2)} s`);
  return out;
}

/** Where the hot path's time goes, for one scenario, in this process. */
function phases(dir: string, schemaFile: string): void {
  const files = fg.sync(['**/catalog/*.yaml'], { cwd: dir, absolute: true }).sort();
  const texts = phase('read all files', () => files.map((f) => fs.readFileSync(f, 'utf8')));
  const data = phase('js-yaml 4 parse', () => texts.map((t) => jsYaml.load(t, { schema: jsYaml.CORE_SCHEMA })));
  phase('yaml parseDocument (for contrast)', () => texts.map((t) => parseDocument(t)));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
  phase('ajv validate every file', () => data.forEach((d) => validate(d)));
}

/** gk import of a 5 MB office table (about 19,000 rows), written as Excel on Windows would: GBK-free UTF-8 with BOM. */
function benchImport(root: string, gk: string): void {
  const dir = path.join(root, 'import');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const header = '序号,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级';
  const lines = [header];
  let size = 0;
  for (let i = 1; size < 5 * 1024 * 1024; i++) {
    const line = `${i},预算公开类${i % 37},政府预算${i}事项,"预算报告、预算表、说明${i}",《中华人民共和国预算法》；《中华人民共和国政府信息公开条例》,信息形成或变更之日起20个工作日内,示例县财政局,政府网站；政务新媒体,全社会,主动,县级`;
    lines.push(line);
    size += Buffer.byteLength(line) + 2;
  }
  fs.writeFileSync(path.join(dir, 'table.csv'), `\uFEFF${lines.join('\r\n')}\r\n`);
  const r = timed([gk, 'import', 'table.csv', '--domain', 'fiscal-budget'], dir);
  console.log(`\nimport 5 MB CSV (${lines.length - 1} rows)   ${r.seconds.toFixed(2)} s ${r.rssMb.toFixed(0)} MB${r.code !== 0 ? `  (exit ${r.code})` : ''}`);
}

function main(argv: string[]): void {
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  const withPhases = argv.includes('--phases');
  const root = path.join(os.tmpdir(), 'gk-bench');
  const gk = path.join(packageRoot, 'bin', 'gk.js');
  const ajvCli = path.join(packageRoot, 'node_modules', 'ajv-cli', 'dist', 'index.js');
  const schema = path.join(packageRoot, 'schemas', 'catalog.schema.json');
  console.log(`gk bench · node ${process.version} · ${os.cpus().length} cores · data in ${root}`);
  console.log('scenario   governments   files      items   gk validate (s, MB)   ajv-cli (s, MB)');
  for (const s of SCENARIOS) {
    if (only && only !== s.name) continue;
    const dir = path.join(root, s.name);
    const { files, items } = generateScenario(dir, s.governments);
    // Both tools start with the files in the page cache, so neither is timed reading the disk for the other.
    warm(dir);
    const ours = timed([gk, 'validate', '--format', 'json', '--quiet', dir], packageRoot);
    warm(dir);
    const theirs = timed([ajvCli, 'validate', '-s', schema, '-d', `${dir}/**/catalog/*.yaml`, '--strict=false', '--all-errors'], packageRoot);
    console.log(
      `${s.name.padEnd(10)} ${String(s.governments).padStart(11)} ${String(files).padStart(7)} ${String(items).padStart(10)}   ${ours.seconds.toFixed(2).padStart(8)} s ${ours.rssMb.toFixed(0).padStart(5)} MB   ${theirs.seconds.toFixed(2).padStart(8)} s ${theirs.rssMb.toFixed(0).padStart(5)} MB${ours.code !== 0 ? `  (gk exit ${ours.code})` : ''}`,
    );
    if (withPhases || s.name === 'city') phases(dir, schema);
  }
  if (!only || only === 'import') benchImport(root, gk);
  console.log('\nworkspace report   governments      items   gk report, all formats (s, MB)');
  for (const n of [100, 2000]) {
    const name = `workspace-${n}`;
    if (only && only !== name && only !== 'report') continue;
    const dir = path.join(root, name);
    const { items } = generateWorkspace(dir, { governments: n, itemsPerDomain: 8, domains: 26 });
    const out = path.join(root, `${name}-out`);
    const r = timed([gk, 'report', dir, '--out', out, '--date', '2024-03-31'], packageRoot);
    console.log(`${name.padEnd(18)} ${String(n).padStart(11)} ${String(items).padStart(10)}   ${r.seconds.toFixed(2).padStart(8)} s ${r.rssMb.toFixed(0).padStart(5)} MB${r.code !== 0 && r.code !== 1 ? `  (exit ${r.code})` : ''}`);
  }
}

main(process.argv.slice(2));
