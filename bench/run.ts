// npm run bench: every row of the speed table (issue 12) in one run, gk beside ajv-cli where both do the same job.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { parseDocument } from 'yaml';
import { Ajv } from 'ajv';
import fg from 'fast-glob';
import { packageRoot } from '../dist/io/files.js';
import { generateCityWorkspace, generateScenario } from './generate.js';
import { generateWorkspace } from './workspace.js';

/** Reports, as the process ends, its peak memory and the CPU time all its threads used. */
const RSS_HOOK = `data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\n@maxrss "+u.maxRSS+" "+(u.userCPUTime+u.systemCPUTime)+"\\n")})`;

interface Sample {
  seconds: number;
  /** user + system CPU seconds of the process: on a shared machine less noisy than the wall clock */
  cpu: number;
  rssMb: number;
  code: number | null;
}

/** One run of a node script as its own process: wall time, and peak resident memory of the whole process (threads included). */
function timed(cmd: string[], cwd: string): Sample {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', RSS_HOOK, ...cmd], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const m = /@maxrss (\d+) (\d+)/.exec(r.stderr ?? '');
  return { seconds, cpu: m ? Number(m[2]) / 1e6 : NaN, rssMb: m ? Number(m[1]) / 1024 : NaN, code: r.status };
}

/** CPU seconds of this process's finished children (Linux: /proc/self/stat cutime + cstime), NaN elsewhere. */
function childrenCpu(): number {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    // after the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

/** One `npm test`, as a developer runs it: wall time, and the CPU of everything it started. */
function timedNpmTest(): Sample {
  const cpu = childrenCpu();
  const start = process.hrtime.bigint();
  const r = spawnSync('npm', ['test'], { cwd: packageRoot, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, cpu: childrenCpu() - cpu, rssMb: NaN, code: r.status };
}

interface Spread {
  median: number;
  min: number;
  max: number;
}

function spread(values: number[]): Spread {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return { median, min: v[0]!, max: v[v.length - 1]! };
}

interface Measured {
  gk: Sample[];
  other?: Sample[];
  /** gk's time over the other's, pair by pair (the two run in turn, so a drift in the machine's speed hits both) */
  ratio?: number[];
  /** the same for CPU time, which a loaded machine disturbs less than the wall clock (but it cannot show threads' gain) */
  cpuRatio?: number[];
}

/** A warm-up, then `runs` counted runs; with `other`, the two alternate A B A B. `before` runs ahead of every gk run, untimed. */
function measure(gk: string[], options: { runs: number; cwd: string; other?: string[]; before?: () => void }): Measured {
  const once = (cmd: string[], isGk: boolean): Sample => {
    if (isGk) options.before?.();
    return timed(cmd, options.cwd);
  };
  once(gk, true);
  if (options.other) once(options.other, false);
  const out: Measured = { gk: [] };
  if (options.other) {
    out.other = [];
    out.ratio = [];
    out.cpuRatio = [];
  }
  for (let i = 0; i < options.runs; i++) {
    const a = once(gk, true);
    out.gk.push(a);
    if (options.other) {
      const b = once(options.other, false);
      out.other!.push(b);
      out.ratio!.push(a.seconds / b.seconds);
      out.cpuRatio!.push(a.cpu / b.cpu);
    }
  }
  return out;
}

function range(s: Spread, digits: number, unit = ''): string {
  return `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

interface Row {
  job: string;
  size: string;
  /** absent: a row measured by hand (its note says how) */
  m?: Measured;
  target: string;
  note?: string;
}

function printTable(rows: Row[]): void {
  const header = ['job', 'size', 'gk s: median (min–max)', 'gk CPU s', 'gk peak MB', 'ajv-cli s', 'gk / ajv-cli', 'CPU gk / ajv-cli', 'target'];
  const lines = rows.map((r) => {
    if (!r.m) return [r.job, r.size, '', '', '', '', '', '', r.target + (r.note ? `; ${r.note}` : '')];
    const codes = [...new Set(r.m.gk.map((s) => s.code))].filter((c) => c !== 0 && c !== 1);
    return [
      r.job,
      r.size,
      range(spread(r.m.gk.map((s) => s.seconds)), 2),
      range(spread(r.m.gk.map((s) => s.cpu)), 2),
      spread(r.m.gk.map((s) => s.rssMb)).median.toFixed(0),
      r.m.other ? range(spread(r.m.other.map((s) => s.seconds)), 2) : '',
      r.m.ratio ? range(spread(r.m.ratio), 2) : '',
      r.m.cpuRatio ? range(spread(r.m.cpuRatio), 2) : '',
      r.target + (r.note ? `; ${r.note}` : '') + (codes.length ? `  (gk exit ${codes.join(',')})` : ''),
    ];
  });
  const widths = header.map((h, i) => Math.max(width(h), ...lines.map((l) => width(l[i]!))));
  const fmt = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ').trimEnd();
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
}

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1;
  return w;
}

function warm(dir: string): void {
  for (const f of fg.sync(['**/*.yaml'], { cwd: dir, absolute: true })) fs.readFileSync(f);
}

function dirSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const f of fg.sync(['**/*'], { cwd: dir, absolute: true, dot: true })) {
    files++;
    bytes += fs.statSync(f).size;
  }
  return { files, bytes };
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

/** A 5 MB office table (about 19,000 rows) as Excel on Windows writes CSV: UTF-8 with BOM, CRLF. */
function importTable(root: string): { dir: string; rows: number } {
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
  return { dir, rows: lines.length - 1 };
}

function n(x: number): string {
  return x.toLocaleString('en-US');
}

function main(argv: string[]): void {
  const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const only = arg('--only')?.split(',');
  const runs = Number(arg('--runs') ?? 5);
  const bigRuns = Number(arg('--big-runs') ?? 3);
  const wanted = (name: string) => !only || only.includes(name);
  // --data: where the generated catalogs go (several people benching on one machine each need their own)
  const root = path.resolve(arg('--data') ?? path.join(os.tmpdir(), 'gk-bench'));
  const gk = path.join(packageRoot, 'bin', 'gk.js');
  const ajvCli = path.join(packageRoot, 'node_modules', 'ajv-cli', 'dist', 'index.js');
  const schema = path.join(packageRoot, 'schemas', 'catalog.schema.json');
  const ajv = (glob: string) => [ajvCli, 'validate', '-s', schema, '-d', glob, '--strict=false', '--all-errors'];
  const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
  console.log(`gk bench · node ${process.version} · ${os.cpus().length} cores · ${runs} runs (${bigRuns} for city builds and the province) after a warm-up · data in ${root}`);
  console.log(`machine load at the start (1 / 5 / 15 min): ${load()}`);
  const rows: Row[] = [];
  const add = (row: Row) => {
    rows.push(row);
    console.error(`  measured: ${row.job}`);
  };

  // What any node program pays on this machine now: the floor under every start-up row.
  if (wanted('version')) add({ job: 'node itself (node -e 0)', size: '', m: measure(['-e', '0'], { runs, cwd: packageRoot }), target: 'the floor' });
  if (wanted('version')) add({ job: 'gk --version', size: '', m: measure([gk, '--version'], { runs, cwd: packageRoot }), target: '≤ 0.25 s' });
  if (wanted('county')) {
    const county = path.join(packageRoot, 'catalogs', 'examples', 'shiyan-county');
    warm(county);
    add({ job: 'validate county (bundled example)', size: '1 gov', m: measure([gk, 'validate', county], { runs, cwd: packageRoot, other: ajv(`${county}/catalog/*.yaml`) }), target: '≤ 0.25 s' });
  }
  const city = path.join(root, 'city');
  if (wanted('city')) {
    const { items } = generateScenario(city, 100);
    warm(city);
    add({ job: 'validate city', size: `100 gov, ${n(items)} items`, m: measure([gk, 'validate', '--format', 'json', '--quiet', city], { runs, cwd: packageRoot, other: ajv(`${city}/**/catalog/*.yaml`) }), target: '≤ 0.8× ajv-cli' });
  }
  if (wanted('findings')) {
    // Every item names a channel gk does not know: one warning per item, printed by the human format in full
    // (--max-repeats 0) and as by default (20 of a rule per file, then a count). A quarter of the city beside the
    // whole shows whether printing grows in step with the number of findings.
    for (const governments of [25, 100]) {
      const dir = path.join(root, `findings-${governments}`);
      const { items } = generateScenario(dir, governments, 30, true);
      warm(dir);
      const all = measure([gk, 'validate', '--max-repeats', '0', dir], { runs, cwd: packageRoot });
      add({ job: 'validate, every finding printed', size: `${governments} gov, ${n(items)} warnings`, m: all, target: 'linear in findings', note: `${((spread(all.gk.map((x) => x.seconds)).median * 1000) / (items / 1000)).toFixed(0)} ms per 1,000` });
      add({ job: 'validate, findings capped (default)', size: `${governments} gov, ${n(items)} warnings`, m: measure([gk, 'validate', dir], { runs, cwd: packageRoot }), target: '20 per rule and file, then a count' });
    }
  }
  if (wanted('build')) {
    // The counties of the city row under a workspace gk.yaml: clean, so gk build writes the site (a build that
    // refuses would time nothing worth knowing, so the rows say INVALID if it did not write the landing page).
    const ws = path.join(root, 'city-workspace');
    const { items } = generateCityWorkspace(ws, 100);
    const out = path.join(root, 'city-site');
    warm(ws);
    const validateCmd = [gk, 'validate', '--format', 'json', '--quiet', ws];
    // Build and validate alternate, so "× validate" is a ratio of the same run as the issue asks.
    const clean = measure([gk, 'build', ws, '--out', out], { runs: bigRuns, cwd: packageRoot, other: validateCmd, before: () => fs.rmSync(out, { recursive: true, force: true }) });
    const wrote = fs.existsSync(path.join(out, 'index.html')) && clean.gk.every((s) => s.code === 0);
    const { files, bytes } = wrote ? dirSize(out) : { files: 0, bytes: 0 };
    const invalid = wrote ? undefined : `INVALID: gk build wrote no site (exit ${[...new Set(clean.gk.map((s) => s.code))].join(',')})`;
    add({ job: 'validate city workspace', size: `100 gov, ${n(items)} items`, m: { gk: clean.other! }, target: '' });
    add({ job: 'build city workspace, clean', size: `${n(files)} files, ${(bytes / 1e6).toFixed(0)} MB out`, m: { gk: clean.gk }, target: '≤ 8 s, ≤ 3× validate, ≤ 150 MB', note: invalid ?? `${range(spread(clean.ratio!), 1)}× validate` });
    const again = measure([gk, 'build', ws, '--out', out], { runs: bigRuns, cwd: packageRoot });
    add({ job: 'build again, nothing changed', size: '', m: again, target: '≤ 1.5 s', ...(invalid ? { note: invalid } : {}) });
  }
  if (wanted('province')) {
    const province = path.join(root, 'province');
    const { items } = generateScenario(province, 2000);
    warm(province);
    const other = argv.includes('--no-ajv-province') ? undefined : ajv(`${province}/**/catalog/*.yaml`);
    add({ job: 'validate province', size: `2,000 gov, ${n(items)} items`, m: measure([gk, 'validate', '--format', 'json', '--quiet', province], { runs: bigRuns, cwd: packageRoot, other }), target: '≤ 15 s, ≤ 300 MB' });
  }
  if (wanted('report')) {
    // A province as gk report sees one: counties, townships and villages, items drawn from the standard and from
    // the level above (the validate row's counties cite no standard item, so each would miss all of them).
    const ws = path.join(root, 'workspace-2000');
    const { items } = generateWorkspace(ws, { governments: 2000, itemsPerDomain: 8, domains: 26 });
    const out = path.join(root, 'workspace-2000-out');
    add({ job: 'report province, all formats', size: `2,000 gov, ${n(items)} items`, m: measure([gk, 'report', ws, '--out', out, '--date', '2024-03-31'], { runs: bigRuns, cwd: packageRoot }), target: '≤ 15 s, ≤ 300 MB' });
  }
  if (wanted('import')) {
    const { dir, rows: count } = importTable(root);
    add({ job: 'import a 5 MB CSV', size: `${n(count)} rows`, m: measure([gk, 'import', 'table.csv', '--domain', 'fiscal-budget', '--force'], { runs: bigRuns, cwd: dir }), target: '' });
  }
  // npm test takes minutes and loads the machine itself: measured once, and only when asked.
  if (wanted('tests') && argv.includes('--with-tests')) {
    add({ job: 'npm test', size: 'the default suite', m: { gk: [timedNpmTest()] }, target: '≤ 2 min on 2 cores', note: 'one run, no warm-up; CPU: every process it started; peak not measured' });
  } else if (wanted('tests')) {
    add({ job: 'npm test', size: 'the default suite', target: '≤ 2 min on 2 cores', note: 'not run: npm run bench -- --only tests --with-tests (once, no warm-up)' });
  }
  console.log('');
  printTable(rows);
  console.log(`\nmachine load at the end (1 / 5 / 15 min): ${load()}`);
  if (argv.includes('--phases') && fs.existsSync(city)) {
    console.log('\ncity, in this process:');
    phases(city, schema);
  }
}

main(process.argv.slice(2));
