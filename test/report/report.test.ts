// gk report end to end on the fixture city: golden md/csv/json, ranking, milestones, determinism, --since, misuse.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gk, gkProcess, gkRefusal } from '../helpers.js';
import type { WorkspaceReport } from '../../src/report/types.js';
import { cityFixture, cityRepo, commitAt } from './workspace-repo.js';

/** What a report folder holds: the formats, and gk's stamp listing them (the output folder policy). */
const FILES = ['.gk-output.json', 'report.csv', 'report.html', 'report.json', 'report.md', 'report.xlsx'];

let repo: ReturnType<typeof cityRepo>;
let out: string;
let report: WorkspaceReport;

function read(dir: string, name: string): string {
  return fs.readFileSync(path.join(dir, name), 'utf8');
}

beforeAll(async () => {
  repo = cityRepo();
  out = path.join(repo.root, 'out');
  const r = await gk(['report', 'city', '--out', 'out', '--date', '2024-03-31'], repo.root);
  expect(r.err).toContain('标准目录 national-2020-excerpt 为节选');
  expect(r.code).toBe(0);
  report = JSON.parse(read(out, 'report.json')) as WorkspaceReport;
});
afterAll(() => repo.cleanup());

describe('gk report on the city workspace', () => {
  it('writes every format and says so', async () => {
    expect(fs.readdirSync(out).sort()).toEqual(FILES);
  });

  it('matches the golden Markdown, CSV, JSON and HTML dashboard', async () => {
    await expect(read(out, 'report.html')).toMatchFileSnapshot('./__golden__/report.html');
    await expect(read(out, 'report.md')).toMatchFileSnapshot('./__golden__/report.md');
    await expect(read(out, 'report.csv')).toMatchFileSnapshot('./__golden__/report.csv');
    await expect(read(out, 'report.json')).toMatchFileSnapshot('./__golden__/report.json');
  });

  it('ranks the counties and the townships by score', () => {
    const ranking = (level: string) => report.governments.filter((g) => g.level === level).map((g) => [g.rank, g.name, g.score]);
    expect(ranking('county')).toEqual([
      [1, '安平县人民政府', 100],
      [2, '西河县人民政府', 75],
      [3, '北山县人民政府', 69.3],
    ]);
    expect(ranking('township')).toEqual([
      [1, '北山县东关镇人民政府', 98.3],
      [2, '安平县城关镇人民政府', 76.7],
      [3, '安平县石桥镇人民政府', 66.7],
    ]);
    const village = report.governments.find((g) => g.level === 'village')!;
    expect(village.rank).toBeUndefined();
    expect([village.items, village.fromParent, village.mismatches, village.errors]).toEqual([4, 4, 2, 2]);
    const beishan = report.governments.find((g) => g.code === '990102')!;
    expect(beishan.parts).toEqual({ coverage: 34.3, errorFree: 20, warnings: 10, milestones: 5 });
    expect(beishan.missingItems.map((m) => m.standard)).toEqual(['fiscal-budget/x4', 'poverty-alleviation/3', 'elderly-care/2']);
  });

  it('judges each milestone from the git history', () => {
    const milestones = (code: string) => Object.fromEntries(report.governments.find((g) => g.code === code)!.milestones.map((m) => [m.id, `${m.status} ${m.on ?? ''}`.trim()]));
    expect(milestones('990101')).toEqual({ list: 'met 2020-07-15', published: 'met 2020-07-15', complete: 'met 2020-07-15' });
    // 西河县 published after 2020-12-31, and still has an error after 2023-12-31
    expect(milestones('990103')).toEqual({ list: 'met 2020-07-15', published: 'late 2021-03-01', complete: 'missed' });
    // 东关镇: complete (100 %, no errors) since its last change on 2021-03-01
    expect(milestones('990102001')).toEqual({ list: 'met 2020-07-15', published: 'late 2021-03-01', complete: 'met 2021-03-01' });
    expect(report.milestones.map((m) => [m.id, m.counts])).toEqual([
      ['list', { met: 6, late: 0, missed: 0, pending: 0, unknown: 0 }],
      ['published', { met: 3, late: 3, missed: 0, pending: 0, unknown: 0 }],
      ['complete', { met: 2, late: 0, missed: 4, pending: 0, unknown: 0 }],
    ]);
  });

  it('names the responsible department of each lagging domain, lowest coverage first', () => {
    expect(report.lagging.map((d) => [d.name, d.department, d.coverage, d.governments.map((g) => g.code)])).toEqual([
      ['扶贫', '示例市乡村振兴局', 0.8333, ['990101002', '990102']],
      ['养老服务', '示例市民政局', 0.8333, ['990102']],
      ['财政预决算', '示例市财政局', 0.8667, ['990102', '990101002']],
    ]);
  });

  it('is byte-identical when run again, XLSX included', async () => {
    const again = path.join(repo.root, 'again');
    const r = await gk(['report', 'city', '--out', 'again', '--date', '2024-03-31'], repo.root);
    expect(r.code).toBe(0);
    for (const f of FILES) expect(fs.readFileSync(path.join(again, f)).equals(fs.readFileSync(path.join(out, f))), f).toBe(true);
  });

  it('writes a CSV with a BOM and an XLSX dated on the report date', async () => {
    expect(read(out, 'report.csv').startsWith('\ufeff层级,名次,行政区划代码')).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(out, 'report.xlsx')) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['排名', '领域覆盖率', '缺失事项', '滞后领域', '时间节点']);
    expect(wb.created.toISOString()).toBe('2024-03-31T00:00:00.000Z');
    expect(wb.modified.toISOString()).toBe('2024-03-31T00:00:00.000Z');
    const ranking = wb.getWorksheet('排名')!;
    expect(ranking.getRow(2).getCell(4).value).toBe('安平县人民政府');
    expect(wb.getWorksheet('缺失事项')!.rowCount).toBe(1 + 3 + 3);
    // The heatmap sheet is coloured with the dashboard's bands: 北山县 財政 50% (40–59%), 安平县 100%.
    const heat = wb.getWorksheet('领域覆盖率')!;
    const fillOf = (row: number, col: number) => (heat.getRow(row).getCell(col).fill as { fgColor?: { argb?: string } }).fgColor?.argb;
    const rowOf = (name: string) => heat.getColumn(1).values.indexOf(name);
    expect(heat.getRow(rowOf('北山县人民政府')).getCell(4).value).toBe(50);
    expect(fillOf(rowOf('北山县人民政府'), 4)).toBe('FFFEE08B');
    expect(fillOf(rowOf('安平县人民政府'), 4)).toBe('FF1A7F37');
    expect((heat.getRow(rowOf('安平县人民政府')).getCell(4).font as { color?: { argb?: string } }).color?.argb).toBe('FFFFFFFF');
  });

  it('speaks English with --lang en', async () => {
    const r = await gk(['--lang', 'en', 'report', 'city', '--out', 'en', '--formats', 'md', '--date', '2024-03-31'], repo.root);
    expect(r.code).toBe(0);
    expect(r.err).toContain('is an excerpt');
    expect(fs.readdirSync(path.join(repo.root, 'en')).sort()).toEqual(['.gk-output.json', 'report.md']);
    await expect(read(path.join(repo.root, 'en'), 'report.md')).toMatchFileSnapshot('./__golden__/report.en.md');
  });
});

describe('gk report outside git', () => {
  it('cannot date list and published, counts them as unknown, and still judges complete before its date', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-report-nogit-'));
    try {
      fs.cpSync(cityFixture, path.join(tmp, 'city'), { recursive: true });
      const r = await gk(['report', 'city', '--out', 'out', '--formats', 'json', '--date', '2023-06-30'], tmp);
      expect(r.code).toBe(0);
      const json = JSON.parse(read(path.join(tmp, 'out'), 'report.json')) as WorkspaceReport;
      const anping = json.governments.find((g) => g.code === '990101')!;
      expect(anping.milestones.map((m) => m.status)).toEqual(['unknown', 'unknown', 'met']);
      expect(anping.lastChanged).toBeUndefined();
      // Unknown milestones are not held against anyone.
      expect(anping.parts?.milestones).toBe(10);
      const xihe = json.governments.find((g) => g.code === '990103')!;
      expect(xihe.milestones.map((m) => m.status)).toEqual(['unknown', 'unknown', 'unknown']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('gk report --since', () => {
  it('reports what improved and what regressed per government since a revision', async () => {
    const r2 = cityRepo();
    try {
      const city = r2.city;
      // 北山县 adds two national items; 西河县 writes an untidy deadline (20工作日内); 河口镇 joins.
      fs.appendFileSync(path.join(city, 'beishan/catalog/elderly-care.yaml'), '  - id: elderly-care-02\n    standard: elderly-care/2\n    subject: 北山县民政局\n');
      fs.appendFileSync(
        path.join(city, 'beishan/catalog/fiscal-budget.yaml'),
        '  - id: fiscal-budget-04\n    standard: fiscal-budget/x4\n    content: 部门决算报表、部门决算说明\n    subject: 北山县财政局\n    audience: 全社会\n    mode: 主动\n    levels: [县级, 乡级]\n',
      );
      const xihe = path.join(city, 'xihe/catalog/poverty-alleviation.yaml');
      fs.writeFileSync(xihe, fs.readFileSync(xihe, 'utf8').replace('    subject: 西河县乡村振兴局\n', '    deadline: 20工作日内\n    subject: 西河县乡村振兴局\n'));
      fs.mkdirSync(path.join(city, 'xihe/hekou/catalog'), { recursive: true });
      fs.writeFileSync(path.join(city, 'xihe/hekou/gk.yaml'), 'name: 西河县河口镇人民政府\ncode: "990103001"\nlevel: township\nparent: "990103"\nstandard: ../../standard\n');
      fs.writeFileSync(path.join(city, 'xihe/hekou/catalog/poverty-alleviation.yaml'), 'domain: poverty-alleviation\nitems:\n  - id: poverty-alleviation-01\n    standard: poverty-alleviation/1\n    subject: 西河县河口镇人民政府\n');
      commitAt(city, '2024-03-01T09:00:00+08:00', '一季度整改', ['.']);

      const r = await gk(['report', 'city', '--out', 'out', '--formats', 'json,md', '--date', '2024-03-31', '--since', 'HEAD~1'], r2.root);
      expect(r.code).toBe(0);
      const json = JSON.parse(read(path.join(r2.root, 'out'), 'report.json')) as WorkspaceReport;
      const cmp = json.comparison!;
      expect(cmp.since).toBe('HEAD~1');
      expect(cmp.sinceDate).toBe('2021-03-01');
      expect(cmp.counts).toEqual({ improved: 1, regressed: 1, mixed: 0, unchanged: 5, added: 1, removed: 0 });
      const change = (code: string) => cmp.governments.find((g) => g.code === code)!;
      expect(change('990102').verdict).toBe('improved');
      expect(change('990102').covered).toEqual(['elderly-care/2', 'fiscal-budget/x4']);
      expect(change('990102').improved.map((c) => [c.metric, c.domain ?? '', c.before, c.after])).toEqual([
        ['coverage', '', 0.5714, 0.8571],
        ['domain', 'fiscal-budget', 0.5, 1],
        ['domain', 'elderly-care', 0.5, 1],
      ]);
      expect(change('990103').verdict).toBe('regressed');
      expect(change('990103').regressed).toEqual([{ metric: 'warnings', before: 0, after: 1 }]);
      expect(change('990103001').status).toBe('added');
      await expect(read(path.join(r2.root, 'out'), 'report.md')).toMatchFileSnapshot('./__golden__/since.md');
    } finally {
      r2.cleanup();
    }
  });

  it('refuses a revision that is not a commit, with exit 2', async () => {
    const r = await gk(['report', 'city', '--out', 'bad-since', '--since', 'no-such-rev'], repo.root);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no-such-rev');
    expect(fs.existsSync(path.join(repo.root, 'bad-since'))).toBe(false);
  });
});

describe('gk report misuse', () => {
  it('refuses an unknown format, a bad date and a folder that is not a workspace', async () => {
    expect((await gk(['report', 'city', '--formats', 'pdf'], repo.root)).code).toBe(2);
    expect((await gk(['report', 'city', '--date', '2024-02-30'], repo.root)).code).toBe(2);
    expect((await gk(['report', 'nowhere'], repo.root)).code).toBe(2);
  });

  it('will not replace a folder holding anything but an earlier report', async () => {
    const keep = path.join(repo.root, 'keep');
    fs.mkdirSync(keep);
    fs.writeFileSync(path.join(keep, 'notes.txt'), '重要文件');
    const r = await gk(['report', 'city', '--out', 'keep'], repo.root);
    expect(r.code).toBe(2);
    expect(r.err).toContain('notes.txt');
    expect(fs.readFileSync(path.join(keep, 'notes.txt'), 'utf8')).toBe('重要文件');
    expect((await gk(['report', 'city', '--out', 'city'], repo.root)).code).toBe(2);
    expect((await gk(['report', 'city', '--out', '.'], repo.root)).code).toBe(2);
  });

  it('replaces an earlier report as a whole', async () => {
    expect((await gk(['report', 'city', '--out', 'redo', '--date', '2024-03-31'], repo.root)).code).toBe(0);
    expect(fs.readdirSync(path.join(repo.root, 'redo')).sort()).toEqual(FILES);
    expect((await gk(['report', 'city', '--out', 'redo', '--formats', 'md', '--date', '2024-03-31'], repo.root)).code).toBe(0);
    expect(fs.readdirSync(path.join(repo.root, 'redo')).sort()).toEqual(['.gk-output.json', 'report.md']);
  });
});

describe('gk report on bad input', () => {
  const noTrace = (text: string) => expect(text).not.toMatch(/internal error|\n {4}at /);
  function copyCity(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-report-bad-'));
    fs.cpSync(cityFixture, path.join(dir, 'city'), { recursive: true });
    return dir;
  }

  it('an empty folder: no gk.yaml, one line in the user’s language', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-report-empty-'));
    const r = await gkRefusal(['report', dir, '--out', path.join(dir, '..', `${path.basename(dir)}-out`)], dir);
    expect(r.zh).toContain('找不到 gk.yaml');
    expect(r.en).toContain('no gk.yaml found');
  });

  it('--since outside git: says there is no repository, rather than that the revision is unknown', async () => {
    const dir = copyCity();
    const r = await gkRefusal(['report', 'city', '--out', 'out', '--since', 'HEAD'], dir);
    expect(r.zh).toContain('不在 git 仓库中');
    expect(r.en).toContain('is not in a git repository');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('unknown formats and dates are refused in Chinese and English', async () => {
    const dir = copyCity();
    const formats = await gkRefusal(['report', 'city', '--formats', 'html,pdf'], dir);
    expect(formats.zh).toBe('gk: --formats：未知格式“pdf”（可选：html, csv, xlsx, json, md）\n');
    expect(formats.en).toBe('gk: --formats: unknown format "pdf" (choose from html, csv, xlsx, json, md)\n');
    expect((await gkRefusal(['report', 'city', '--date', '2024-02-30'], dir)).zh).toContain('日期应写成 YYYY-MM-DD');
    expect((await gkRefusal(['report', 'nowhere'], dir)).zh).toBe('gk: 不是文件夹：nowhere\n');
  });

  it('renders the dashboard from --templates: report.css replaced, a broken report.hbs refused before anything is read', async () => {
    const dir = copyCity();
    const templates = path.join(dir, 'templates');
    fs.mkdirSync(templates);
    fs.writeFileSync(path.join(templates, 'report.css'), '.report h1 { color: #123456; }\n');
    const r = await gk(['report', 'city', '--out', 'custom', '--date', '2024-03-31', '--templates', 'templates', '--formats', 'html'], dir);
    expect(r.code).toBe(0);
    const html = read(path.join(dir, 'custom'), 'report.html');
    expect(html).toContain('.report h1 { color: #123456; }');
    expect(html).not.toContain('.heatmap td');
    fs.writeFileSync(path.join(templates, 'report.hbs'), '{{#each sections}}\n');
    const broken = await gkRefusal(['report', 'city', '--out', 'broken', '--templates', 'templates'], dir);
    expect(broken.zh).toContain('report.hbs');
    expect(fs.existsSync(path.join(dir, 'broken'))).toBe(false);
  });

  it('a government whose gk.yaml is broken: counted with its error, without coverage of a guessed edition', async () => {
    const dir = copyCity();
    fs.writeFileSync(path.join(dir, 'city', 'beishan', 'gk.yaml'), 'name: [北山县\n');
    const r = await gk(['report', 'city', '--out', 'out', '--date', '2024-03-31', '--formats', 'json'], dir);
    expect(r.code).toBe(0);
    noTrace(r.err);
    // gk.yaml names no edition it could read, so no notice about the bundled national-2020 either.
    expect(r.err).not.toContain('national-2020 为节选');
    const json = JSON.parse(read(path.join(dir, 'out'), 'report.json')) as WorkspaceReport;
    const beishan = json.governments.find((g) => g.folder === 'beishan')!;
    expect(beishan.errors).toBeGreaterThan(0);
    expect([beishan.applicable, beishan.covered, beishan.missing, beishan.coverage]).toEqual([0, 0, 0, 0]);
    expect(beishan.domains).toEqual([]);
  });

  it('a parent cycle: reported as errors of the governments in it, and the report is still written', async () => {
    const dir = copyCity();
    const set = (file: string, parent: string) => {
      const p = path.join(dir, 'city', file);
      fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace(/^parent: .*$/m, `parent: "${parent}"`));
    };
    set('anping/gk.yaml', '990102');
    set('beishan/gk.yaml', '990101');
    const r = await gk(['report', 'city', '--out', 'out', '--date', '2024-03-31', '--formats', 'json,html'], dir);
    expect(r.code).toBe(0);
    noTrace(r.err);
    const json = JSON.parse(read(path.join(dir, 'out'), 'report.json')) as WorkspaceReport;
    // workspace/parent-cycle is reported once, at the first government of the cycle, and counted as its error.
    const anping = (w: WorkspaceReport) => w.governments.find((g) => g.code === '990101')!;
    expect(anping(json).errors).toBeGreaterThan(anping(report).errors);
    expect(json.governments.map((g) => g.code).sort()).toEqual(report.governments.map((g) => g.code).sort());
    expect(fs.existsSync(path.join(dir, 'out', 'report.html'))).toBe(true);
  });

  it('an output folder that cannot be created: exit 2, no stack trace', async () => {
    const dir = copyCity();
    fs.writeFileSync(path.join(dir, 'a-file'), '');
    const r = await gk(['report', 'city', '--out', 'a-file/out'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^gk: 无法写入 .*a-file\/out：/m);
    noTrace(r.err);
  });
});

describe('bin/gk.js report', () => {
  it('runs as a process and exits 0', () => {
    const r = gkProcess(['report', 'city', '--out', 'bin-out', '--formats', 'md,csv', '--date', '2024-03-31'], repo.root);
    expect(r.err).toContain('national-2020-excerpt');
    expect(r.code).toBe(0);
    expect(r.out).toContain('示例市基层政务公开标准目录建设进展通报（2024-03-31）');
    expect(fs.readdirSync(path.join(repo.root, 'bin-out')).sort()).toEqual(['.gk-output.json', 'report.csv', 'report.md']);
  });
});
