// Shared by the build tests: building a fixture into a fresh temporary folder and reading what came out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixtures, gk, repoRoot } from '../helpers.js';

export const example = path.join(repoRoot, 'catalogs', 'examples', 'shiyan-county');
export const county = path.join(fixtures, 'build', 'county');
export const xss = path.join(fixtures, 'build', 'xss');
export const invalid = path.join(fixtures, 'build', 'invalid');

export function tempDir(prefix = 'gk-build-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Every file below `dir`, relative, sorted, with its bytes; gk's stamp (.gk-output.json, see test/build/output.test.ts) left out. */
export function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (p !== path.join(dir, '.gk-output.json')) out.set(path.relative(dir, p).split(path.sep).join('/'), fs.readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

export async function build(catalog: string, args: string[] = [], env: Record<string, string> = {}) {
  const out = path.join(tempDir(), 'dist');
  const result = await gk(['build', catalog, '--out', out, ...args], repoRoot, env);
  return { ...result, dir: out, text: (file: string) => fs.readFileSync(path.join(out, file), 'utf8') };
}

/** A strict RFC 4180 reader: CRLF between records, and a bare CR or LF allowed only inside quotes. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`quote inside an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else if (i < text.length) {
      throw new Error(`bare line break or stray character at ${i}`);
    }
  }
  if (record.length > 0) throw new Error('last record does not end with CRLF');
  return records;
}

/**
 * A workspace made from the example: the city's root gk.yaml, the example county, one of its townships (the example's
 * catalog again, as a township) and one village of that township whose items point at the township's (one of them
 * with a dash for its 二级事项).
 */
export function exampleWorkspace(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'gk.yaml'), 'workspace: true\nname: 示例市人民政府\ncode: "410900"\ncity: 示例市\n');
  const copy = (to: string, edit: (manifest: string) => string) => {
    fs.cpSync(example, to, { recursive: true, filter: (src) => !src.includes(`${path.sep}dist`) });
    const manifest = path.join(to, 'gk.yaml');
    fs.writeFileSync(manifest, edit(fs.readFileSync(manifest, 'utf8')));
  };
  const county = path.join(dir, 'shiyan');
  copy(county, (m) => m.replace('standard: national-2020', 'standard: national-2020\nparent: "410900"'));
  const township = path.join(county, 'chengguan');
  copy(township, (m) =>
    m.replace('示例县人民政府', '示例县城关镇人民政府').replace('"410999"', '"410999001"').replace('level: county', 'level: township').replace('standard: national-2020', 'standard: national-2020\nparent: "410999"'),
  );
  const village = path.join(township, 'dongjie');
  fs.mkdirSync(path.join(village, 'catalog'), { recursive: true });
  fs.writeFileSync(path.join(village, 'gk.yaml'), 'name: 示例县城关镇东街社区\ncode: "410999001001"\nlevel: village\nparent: "410999001"\nstandard: national-2020\n');
  fs.writeFileSync(
    path.join(village, 'catalog', 'social-assistance.yaml'),
    // dongjie-02's 二级事项 is a dash, as transcribed tables write a missing one: its links must name it by its 一级事项.
    'domain: social-assistance\nitems:\n  - id: dongjie-01\n    parent-item: social-assistance-01\n    subject: 示例县城关镇东街社区居民委员会\n  - id: dongjie-02\n    category: 最低生活保障\n    name: ─\n    content: 本社区最低生活保障对象名单\n    basis: [《社会救助暂行办法》]\n    deadline: 信息形成或变更之日起20个工作日内\n    subject: 示例县城关镇东街社区居民委员会\n    channels: [社区/企事业单位/村公示栏（电子屏）]\n    audience: 全社会\n    mode: 主动\n    levels: [村级]\n    publics: 结果公开\n',
  );
  return dir;
}
