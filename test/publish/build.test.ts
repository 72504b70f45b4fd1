// gk build end to end: golden files for the example, refusal on errors, determinism, options and the real binary.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli.js';
import { memoryIo } from '../../src/io/io.js';
import { gk, gkProcess, gkRefusal, repoRoot } from '../helpers.js';
import { CSV_HEADERS } from '../../src/publish/csv.js';
import { build, county, example, invalid, parseCsv, readTree, tempDir, xss } from './helpers.js';

const DATE = ['--date', '2024-05-01'];

describe('gk build on the example catalog', () => {
  // One build of the example for the two tests that only read it.
  let built: ReturnType<typeof build> | undefined;
  const exampleBuild = () => (built ??= build(example, DATE));

  it('writes the site, the CSV files, the JSON and the workbook, and says where', async () => {
    const r = await exampleBuild();
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已生成 .*dist（\d+ 个文件）。用浏览器打开 .*dist\/index\.html\n$/);
    const files = [...readTree(r.dir).keys()];
    for (const f of ['index.html', 'publics.html', 'search.html', 'search.js', 'search-index.js', 'style.css', 'catalog.csv', 'catalog.json', 'catalog.xlsx', 'social-assistance.html']) {
      expect(files).toContain(f);
    }
    // catalog.csv has every domain's rows: a CSV per domain only with --domain-csv
    expect(files.filter((f) => f.startsWith('csv/'))).toEqual([]);
    expect(r.text('social-assistance.html')).not.toContain('下载本领域 CSV');
    expect(r.out).toContain(`（${files.length} 个文件）`);
  });

  it('matches the golden files', async () => {
    const r = await exampleBuild();
    await expect(r.text('index.html')).toMatchFileSnapshot('./__golden__/shiyan-county/index.html');
    await expect(r.text('social-assistance.html')).toMatchFileSnapshot('./__golden__/shiyan-county/social-assistance.html');
    await expect(r.text('publics.html')).toMatchFileSnapshot('./__golden__/shiyan-county/publics.html');
    await expect(r.text('search.html')).toMatchFileSnapshot('./__golden__/shiyan-county/search.html');
    await expect(r.text('catalog.csv')).toMatchFileSnapshot('./__golden__/shiyan-county/catalog.csv');
    await expect(r.text('catalog.json')).toMatchFileSnapshot('./__golden__/shiyan-county/catalog.json');
  });

  it('writes catalog.json that its published schema accepts', async () => {
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'catalog-output.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    for (const catalog of [example, county, xss]) {
      for (const args of [DATE, [...DATE, '--provenance']]) {
        const r = await build(catalog, args);
        const data = JSON.parse(r.text('catalog.json')) as Record<string, unknown>;
        expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
      }
    }
    const broken = JSON.parse((await build(county, DATE)).text('catalog.json')) as { items: Array<{ fields: Record<string, unknown> }> };
    broken.items[0]!.fields.audience = ['所有人'];
    expect(validate(broken)).toBe(false);
    broken.items[0]!.fields.audience = { value: ['所有人'], origin: { kind: 'local', file: 'x', path: [] } };
    expect(validate(broken)).toBe(false);
  });
});

describe('catalog.json', () => {
  it('gives element values alone by default, and the catalog’s files with their hashes', async () => {
    const data = JSON.parse((await build(county, DATE)).text('catalog.json')) as {
      schemaVersion: number;
      items: Array<{ id: string; fields: Record<string, unknown> }>;
      provenance: { files: Array<{ file: string }> };
    };
    expect(data.schemaVersion).toBe(2);
    const sa1 = data.items.find((i) => i.id === 'sa-01')!;
    expect(sa1.fields.subject).toBe('测试县民政局');
    expect(Object.values(sa1.fields).every((v) => typeof v === 'string' || Array.isArray(v))).toBe(true);
    expect(data.provenance.files.map((f) => f.file)).toEqual(['catalog/general-affairs.yaml', 'catalog/social-assistance.yaml', 'gk.yaml']);
  });

  it('with --provenance gives every element its origin, relative to the catalog folder', async () => {
    const data = JSON.parse((await build(county, [...DATE, '--provenance'])).text('catalog.json')) as {
      schemaVersion: number;
      items: Array<{ id: string; fields: Record<string, { value: unknown; origin: { kind: string; id?: string; file: string } }> }>;
      provenance: { date: string; files: Array<{ file: string }> };
    };
    expect(data.schemaVersion).toBe(2);
    const sa1 = data.items.find((i) => i.id === 'sa-01')!;
    expect(sa1.fields.name!.origin).toMatchObject({ kind: 'standard', id: 'social-assistance/1', file: 'social-assistance.yaml' });
    expect(sa1.fields.subject).toMatchObject({ value: '测试县民政局', origin: { kind: 'local', file: 'catalog/social-assistance.yaml' } });
    expect(data.provenance.date).toBe('2024-05-01');
    expect(data.provenance.files.map((f) => f.file)).toEqual(['catalog/general-affairs.yaml', 'catalog/social-assistance.yaml', 'gk.yaml']);
  });

  it('is the same whatever the working directory', async () => {
    const a = (await build(county, DATE)).text('catalog.json');
    const out = path.join(tempDir(), 'dist');
    expect((await gk(['build', '.', '--out', out, ...DATE], county)).code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'catalog.json'), 'utf8')).toBe(a);
  });
});

describe('CSV output', () => {
  it('has a BOM, CRLF line ends, the official headers and neutralised formulas; with --domain-csv one per domain too, linked from its page', async () => {
    const r = await build(county, [...DATE, '--domain-csv']);
    const csv = r.text('catalog.csv');
    expect(csv.startsWith('\ufeff序号,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级,五公开分类,事项编号,对应标准事项,领域\r\n')).toBe(true);
    const records = parseCsv(csv.slice(1));
    expect(records.every((r) => r.length === CSV_HEADERS.length)).toBe(true);
    expect(records).toHaveLength(6);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain(`,"'=HYPERLINK(""http://example.invalid"",""会议纪要"")，含逗号, 和""引号""",`);
    expect(csv).toContain(`,"'-年度报告全文\n@各项任务的落实进展",'+《重大行政决策程序暂行条例》,`);
    expect(csv).toContain(',全社会；特定群体,主动；依申请,县级；乡级,,ga-02,,general-affairs\r\n');
    const perDomain = r.text('csv/general-affairs.csv');
    expect(perDomain.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(perDomain).toContain('\r\n1,政府会议,县政府常务会议,');
    expect(r.text('general-affairs.html')).toMatch(/<a href="csv\/general-affairs\.csv" download>下载本领域 CSV<\/a> <span class="muted">\d/);
    expect(csv).toBe((await build(county, DATE)).text('catalog.csv'));
  });
});

describe('HTML output', () => {
  it('merges consecutive 一级事项 cells and marks the standard channels with ■ and □', async () => {
    const r = await build(county, DATE);
    const page = r.text('social-assistance.html');
    expect(page).toContain('<td class="cat" rowspan="2"><span class="cat-label">综合业务</span></td>');
    expect(page.match(/<td class="cat" /g)).toHaveLength(2);
    const row = page.slice(page.indexOf('<tr id="item-sa-03">'), page.indexOf('</tr>', page.indexOf('<tr id="item-sa-03">')));
    // On screen the cell lists the ticked channels; the official ■/□ list of all of them is in a <details>.
    expect(row).toContain('<ul class="ticked"><li>政府网站</li><li>政务服务中心</li><li>社区/企事业单位/村公示栏（电子屏）</li><li>基层公共服务平台</li></ul>');
    expect(row).toMatch(/<details class="all-channels">\n<summary>官方表格式/);
    // 村务公开栏 is an alias of the bulletin-board channel; 基层公共服务平台 is a platform, listed after the boxes.
    // The boxes themselves (■ ticked, □ not) and screen readers' （未选） come from the stylesheet, by the class.
    expect(row).toContain('<li class="on">社区/企事业单位/村公示栏（电子屏）</li>');
    expect(row).toContain('<li>政府公报</li>');
    expect(row).toContain('<li class="on other">基层公共服务平台</li>');
    const boxes = row.slice(row.indexOf('<ul class="boxes">'), row.indexOf('</ul>', row.indexOf('<ul class="boxes">')));
    expect(boxes.match(/<li( class="on")?>/g)).toHaveLength(13);
    expect(page).toContain('<th scope="colgroup" colspan="2">公开层级</th>');
  });

  it('lists items without a 五公开 class under 未分类, and items with two classes under both', async () => {
    const publics = (await build(county, DATE)).text('publics.html');
    const section = (slug: string) => publics.slice(publics.indexOf(`<section id="class-${slug}"`), publics.indexOf('</section>', publics.indexOf(`<section id="class-${slug}"`)));
    expect(section('unclassified')).toContain('href="general-affairs.html#item-ga-02"');
    expect(section('management')).toContain('#item-sa-02');
    expect(section('result')).toContain('#item-sa-02');
    expect(section('decision')).not.toContain('#item-sa-02');
  });

  it('shows coverage only when gk.yaml asks for it, and nothing about how the edition was transcribed', async () => {
    const r = await build(county, DATE);
    const index = r.text('index.html');
    // The partial-edition notice is for maintainers: gk build prints it, the public pages do not.
    expect(r.err).toContain('标准目录 national-2020 为节选');
    expect(index).not.toContain('为节选');
    expect(index).toMatch(/<a href="social-assistance\.html">社会救助<\/a><\/th>\n<td class="num">3<\/td>\n<\/tr>/);
    expect(index).toContain('<time datetime="2024-05-01">2024-05-01</time>');
    expect(index).toContain('<a href="catalog.xlsx" download>');
    for (const file of ['index.html', 'social-assistance.html']) expect(r.text(file), file).not.toContain('覆盖率');

    const asked = path.join(tempDir(), 'county');
    fs.cpSync(county, asked, { recursive: true });
    fs.appendFileSync(path.join(asked, 'gk.yaml'), 'site:\n  coverage: true\n');
    const shown = await build(asked, DATE);
    expect(shown.code).toBe(0);
    const withCoverage = shown.text('index.html');
    expect(withCoverage).toMatch(/<a href="social-assistance\.html">社会救助<\/a><\/th>\n<td class="num">3<\/td>\n<td class="num">\d+(\.\d)?% /);
    // One wording: the items of this level, of which some carried, some excluded with a reason, some missing.
    const total = /<dd>(\d+\.\d)% <span class="muted">（本级国家标准事项 (\d+) 项：已纳入 (\d+) 项，说明理由不纳入 (\d+) 项，未纳入 (\d+) 项）<\/span><\/dd>/.exec(withCoverage);
    expect(total).not.toBeNull();
    const [, percent, applicable, carried, excluded, missing] = total!.map(Number);
    expect(carried! + excluded! + missing!).toBe(applicable);
    expect(percent).toBeCloseTo(((carried! + excluded!) / applicable!) * 100, 1);
    expect(withCoverage).not.toContain('项适用');
  });

  it('escapes user text everywhere and puts no edition sources on the public pages', async () => {
    const r = await build(xss, DATE);
    expect(r.code).toBe(0);
    for (const [file, bytes] of readTree(r.dir)) {
      if (!/\.(html|js)$/.test(file)) continue;
      const text = bytes.toString('utf8');
      expect(text, file).not.toContain('<script>alert');
      expect(text, file).not.toMatch(/onmouseover="/);
      expect(text, file).not.toMatch(/<[^>]+\son\w+=/i);
      expect(text, file).not.toMatch(/href="\s*javascript:/i);
      expect(text, file).not.toMatch(/<svg|<img|<b>/);
    }
    const page = r.text('fiscal-budget.html');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot; onmouseover&#x3D;&quot;x');
    expect(page).toContain('<li>javascript:alert(1)</li>');
    // The edition's transcription sources are for maintainers: not on the public pages, links or text.
    expect(page).not.toContain('example.gov.cn/source');
    expect(page).toContain('正常事项{{constructor}}');
  });

  it('links pages under --base-url when given, and refuses a base that leaves the site', async () => {
    const r = await build(county, [...DATE, '--base-url', '/gk']);
    expect(r.text('index.html')).toContain('<a href="/gk/social-assistance.html">');
    expect(r.text('search-index.js')).toContain('"h":"/gk/social-assistance.html#item-sa-01"');
    for (const bad of ['https://cdn.example.com/', '//cdn.example.com/', 'gk/']) {
      expect((await build(county, [...DATE, '--base-url', bad])).code).toBe(2);
    }
  });

  it('takes templates and style.css from --templates by file name', async () => {
    const dir = tempDir('gk-templates-');
    fs.writeFileSync(path.join(dir, 'style.css'), 'body { color: #000; }\n');
    fs.writeFileSync(path.join(dir, 'footer.hbs'), '<footer><p>自定义页脚 {{government.name}}</p></footer>\n</body>\n</html>\n');
    const r = await build(xss, [...DATE, '--templates', dir]);
    expect(r.code).toBe(0);
    expect(r.text('style.css')).toBe('body { color: #000; }\n');
    expect(r.text('index.html')).toContain('<footer><p>自定义页脚 &lt;script&gt;alert(1)&lt;/script&gt;县</p></footer>');
    fs.writeFileSync(path.join(dir, 'index.hbs'), '{{#if}}');
    const broken = await build(county, [...DATE, '--templates', dir]);
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('index.hbs');
  });
});

describe('templates that read @-data', () => {
  it('still get @index, @first and @root, in the page itself and through a partial, while the bundled pages render without them', async () => {
    const dir = tempDir('gk-templates-');
    // publics.hbs reads @index itself; the footer partial reads @first and @root, so every page calling it needs data too
    fs.writeFileSync(path.join(dir, 'publics.hbs'), '{{#each classes}}<p>{{@index}}:{{name}}{{#if @first}} first{{/if}}</p>\n{{/each}}');
    fs.writeFileSync(path.join(dir, 'footer.hbs'), '{{#each government}}<i>{{#if @first}}[{{/if}}{{@key}}={{this}} {{@root.date}}</i>{{/each}}\n</body>\n</html>\n');
    const r = await build(county, [...DATE, '--templates', dir]);
    expect(r.code, r.err).toBe(0);
    expect(r.text('publics.html')).toBe('<p>0:决策公开 first</p>\n<p>1:执行公开</p>\n<p>2:管理公开</p>\n<p>3:服务公开</p>\n<p>4:结果公开</p>\n<p>5:未分类</p>\n');
    for (const page of ['index.html', 'social-assistance.html', 'search.html']) expect(r.text(page)).toContain('<i>[name=测试县人民政府 2024-05-01</i><i>code=');
    // the bundled footer again: the same pages as a build without --templates
    fs.rmSync(path.join(dir, 'footer.hbs'));
    fs.rmSync(path.join(dir, 'publics.hbs'));
    const plain = await build(county, DATE);
    const custom = await build(county, [...DATE, '--templates', dir]);
    for (const page of ['index.html', 'social-assistance.html', 'publics.html', 'search.html']) expect(custom.text(page)).toBe(plain.text(page));
  });
});

describe('refusing and failing', () => {
  it('refuses a catalog with errors: prints them, exits 1 and leaves the output folder alone', async () => {
    const out = path.join(tempDir(), 'dist');
    expect((await gk(['build', county, '--out', out, '--formats', 'csv', ...DATE], repoRoot)).code).toBe(0);
    const before = readTree(out);
    const r = await gk(['build', invalid, '--out', out], repoRoot);
    expect(r.code).toBe(1);
    expect(r.err).toContain('missing-element');
    expect(r.err).toContain('未生成：');
    expect(r.out).toBe('');
    expect(readTree(out)).toEqual(before);
  });

  it('says so in English with --lang en', async () => {
    const out = path.join(tempDir(), 'dist');
    const r = await gk(['--lang', 'en', 'build', invalid, '--out', out], repoRoot);
    expect(r.code).toBe(1);
    expect(r.err).toContain('nothing built:');
    expect(fs.existsSync(out)).toBe(false);
    const ok = await gk(['--lang', 'en', 'build', county, '--out', out, ...DATE], repoRoot);
    expect(ok.out).toMatch(/^Built .*dist \(\d+ files\)\. Open .*dist\/index\.html in a browser\.\n$/);
  });

  it('rejects bad options with exit code 2', async () => {
    for (const args of [['--date', '2024-13-01'], ['--date', 'yesterday'], ['--formats', 'html,pdf'], ['--formats', ',']]) {
      const r = await build(county, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(fs.existsSync(r.dir)).toBe(false);
    }
  });

  it('will not replace a folder that holds the catalog, the working directory or someone else’s files', async () => {
    const copy = tempDir('gk-copy-');
    fs.cpSync(county, copy, { recursive: true });
    expect((await gk(['build', copy, '--out', copy, ...DATE], repoRoot)).code).toBe(2);
    expect((await gk(['build', copy, '--out', path.dirname(copy), ...DATE], repoRoot)).code).toBe(2);
    const foreign = tempDir('gk-foreign-');
    fs.writeFileSync(path.join(foreign, 'notes.txt'), 'keep me\n');
    expect((await gk(['build', copy, '--out', foreign, ...DATE], repoRoot)).code).toBe(2);
    expect(fs.readFileSync(path.join(foreign, 'notes.txt'), 'utf8')).toBe('keep me\n');
    expect(fs.existsSync(path.join(copy, 'gk.yaml'))).toBe(true);
  });

  it('writes into <catalog>/dist by default and replaces an earlier build there', async () => {
    const copy = tempDir('gk-copy-');
    fs.cpSync(county, copy, { recursive: true });
    expect((await gk(['build', '--formats', 'html', ...DATE], copy)).code).toBe(0);
    expect(fs.existsSync(path.join(copy, 'dist', 'index.html'))).toBe(true);
    const r = await gk(['build', '--formats', 'csv', ...DATE], copy);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已生成 dist（/);
    expect(fs.existsSync(path.join(copy, 'dist', 'index.html'))).toBe(false);
    expect(fs.existsSync(path.join(copy, 'dist', 'catalog.csv'))).toBe(true);
  });
});

describe('bad input: a message in the user’s language, exit 1 or 2, never a stack trace', () => {
  const noTrace = (text: string) => expect(text).not.toMatch(/internal error|\n {4}at /);
  function copyOf(catalog: string): string {
    const dir = tempDir('gk-bad-');
    fs.cpSync(catalog, dir, { recursive: true });
    return dir;
  }

  it('a catalog file that is not YAML: the syntax error, exit 1, nothing written', async () => {
    const dir = copyOf(county);
    fs.writeFileSync(path.join(dir, 'catalog', 'broken.yaml'), 'domain: general-affairs\nitems: [\n  - id: x\n');
    const r = await build(dir, DATE);
    expect(r.code).toBe(1);
    expect(r.err).toContain('yaml-syntax');
    expect(r.err).toContain('未生成：');
    noTrace(r.err);
    expect(fs.existsSync(r.dir)).toBe(false);
  });

  it('an unknown edition: unknown-edition, exit 1', async () => {
    const dir = copyOf(county);
    const manifest = path.join(dir, 'gk.yaml');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace(/standard: .*/, 'standard: national-1999'));
    const r = await build(dir, DATE);
    expect(r.code).toBe(1);
    expect(r.err).toContain('unknown-edition');
    noTrace(r.err);
  });

  it('no gk.yaml, unknown formats, a bad date or base: one line, in Chinese or English', async () => {
    const empty = tempDir('gk-empty-');
    const none = await gkRefusal(['build', empty, '--out', path.join(tempDir(), 'dist')]);
    expect(none.zh).toContain('找不到 gk.yaml');
    expect(none.en).toContain('no gk.yaml found');
    const formats = await gkRefusal(['build', county, '--out', path.join(tempDir(), 'dist'), '--formats', 'html,nope']);
    expect(formats.zh).toBe('gk: --formats：未知格式“nope”（可选：html, csv, json, xlsx）\n');
    expect(formats.en).toBe('gk: --formats: unknown format "nope" (choose from html, csv, json, xlsx)\n');
    expect((await gkRefusal(['build', county, '--date', '2024-02-30'])).zh).toContain('日期应写成 YYYY-MM-DD');
    expect((await gkRefusal(['build', county, '--base-url', 'http://x/'])).zh).toContain('--base-url：应为站内的绝对路径');
    expect((await gkRefusal(['build', county, '--out', county])).zh).toContain('请另选一个专用的文件夹');
  });

  it('an output folder that cannot be created: says so, exit 2, no stack trace', async () => {
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, 'not a folder\n');
    const zh = await gk(['build', county, '--out', path.join(blocker, 'site'), ...DATE]);
    expect(zh.code).toBe(2);
    expect(zh.err).toMatch(/^gk: 无法写入 .*a-file\/site：.*EEXIST.*\n$/m);
    noTrace(zh.err);
    const en = await gk(['--lang', 'en', 'build', county, '--out', path.join(blocker, 'site'), ...DATE]);
    expect(en.err).toMatch(/^gk: cannot write .*a-file\/site: /m);
    expect(fs.readFileSync(blocker, 'utf8')).toBe('not a folder\n');
  });

  // root writes anywhere, so the refusal can only be seen from an ordinary account.
  it.skipIf(process.getuid?.() === 0)('an output folder whose parent may not be written', async () => {
    const parent = tempDir('gk-ro-');
    fs.chmodSync(parent, 0o555);
    try {
      const r = await gk(['build', county, '--out', path.join(parent, 'site'), ...DATE]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('无法写入');
      noTrace(r.err);
    } finally {
      fs.chmodSync(parent, 0o755);
    }
  });

  it('--templates with a broken or missing partial: names the file that is wrong, before checking the catalog', async () => {
    const dir = tempDir('gk-templates-');
    fs.writeFileSync(path.join(dir, 'header.hbs'), '<header>{{> nosuch}}</header>\n');
    const missing = await gkRefusal(['build', county, '--out', path.join(tempDir(), 'dist'), '--templates', dir]);
    expect(missing.zh).toBe(`gk: 模板 ${path.join(dir, 'header.hbs')} 引用了不存在的局部模板“nosuch”（应有文件 nosuch.hbs）\n`);
    expect(missing.en).toBe(`gk: template ${path.join(dir, 'header.hbs')} uses the partial "nosuch", which does not exist (no nosuch.hbs)\n`);
    fs.writeFileSync(path.join(dir, 'header.hbs'), '{{#if government}}\n');
    const broken = await gkRefusal(['build', county, '--out', path.join(tempDir(), 'dist'), '--templates', dir]);
    // The parse error's first line says where, its last what: both, on one line.
    expect(broken.zh).toMatch(/^gk: 模板 .*header\.hbs 有错：Parse error on line 2: Expecting .*got 'EOF'\n$/);
    const notFolder = await gkRefusal(['build', county, '--templates', path.join(dir, 'nowhere')]);
    expect(notFolder.zh).toContain('--templates：不是文件夹');
  });

  it('as a process: bad input exits 2 with one line and no stack trace', () => {
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, '');
    const r = gkProcess(['build', county, '--out', path.join(blocker, 'site'), ...DATE]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('无法写入');
    noTrace(r.err);
  });
});

describe('determinism', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives byte-identical output for identical input, the workbook included, whatever the clock says', async () => {
    for (const args of [DATE, []]) {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2031-01-01T10:00:00Z'));
      const a = readTree((await build(county, args)).dir);
      vi.setSystemTime(new Date('2032-06-07T11:12:13Z'));
      const b = readTree((await build(county, args)).dir);
      vi.useRealTimers();
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [file, bytes] of a) expect(Buffer.compare(bytes, b.get(file)!), file).toBe(0);
    }
  });

  it('carries no date without --date outside git, and the last commit date inside git', async () => {
    const repo = tempDir('gk-git-');
    fs.cpSync(county, repo, { recursive: true });
    const undated = await build(repo);
    expect(JSON.parse(undated.text('catalog.json')).provenance.date).toBeNull();
    expect(undated.text('index.html')).not.toContain('目录日期');
    const env = { ...process.env, GIT_AUTHOR_DATE: '2023-03-04T10:00:00Z', GIT_COMMITTER_DATE: '2023-03-04T10:00:00Z', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
    const run = (...args: string[]) => execFileSync('git', ['-c', 'user.name=gk-test', '-c', 'user.email=gk@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, env, stdio: 'ignore' });
    run('init', '-q');
    run('add', '.');
    run('commit', '-q', '-m', 'catalog');
    const dated = await build(repo);
    expect(JSON.parse(dated.text('catalog.json')).provenance.date).toBe('2023-03-04');
    expect(dated.text('index.html')).toContain('<time datetime="2023-03-04">2023-03-04</time>');
    expect(JSON.parse((await build(repo, DATE)).text('catalog.json')).provenance.date).toBe('2024-05-01');
  });
});

describe('formats', () => {
  it('writes only the formats asked for', async () => {
    const r = await build(county, [...DATE, '--formats', 'csv']);
    expect([...readTree(r.dir).keys()]).toEqual(['.gk-build.json', 'catalog.csv']);
    expect(r.out).not.toContain('index.html');
    const html = await build(county, [...DATE, '--formats', 'html']);
    const files = [...readTree(html.dir).keys()];
    expect(files).toContain('index.html');
    expect(files).not.toContain('catalog.json');
    expect(html.text('index.html')).not.toContain('download');
  });
});

describe('progress', () => {
  it('shows a progress line on a terminal for a large catalog, and nothing in CI', async () => {
    const dir = tempDir('gk-large-');
    fs.writeFileSync(path.join(dir, 'gk.yaml'), 'name: 大县人民政府\ncode: "410995"\nlevel: county\nstandard: national-2020\ndomains:\n  general-affairs: 综合政务\n');
    fs.mkdirSync(path.join(dir, 'catalog'));
    const items = Array.from({ length: 520 }, (_, i) =>
      [
        `  - id: ga-${i + 1}`,
        `    category: 类别${Math.floor(i / 10)}`,
        `    name: 事项${i + 1}`,
        `    content: 内容${i + 1}`,
        '    basis: [《中华人民共和国政府信息公开条例》]',
        '    deadline: 信息形成或变更之日起20个工作日内',
        '    subject: 大县人民政府办公室',
        '    channels: [政府网站]',
        '    audience: 全社会',
        '    mode: 主动',
        '    levels: [县级]',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(dir, 'catalog', 'general-affairs.yaml'), `domain: general-affairs\nitems:\n${items.join('\n')}\n`);
    const terminal = async (env: Record<string, string>) => {
      const io = memoryIo(repoRoot, env);
      io.isTTY = true;
      const code = await run(['build', dir, '--out', path.join(tempDir(), 'dist'), ...DATE], io);
      return { code, err: io.err };
    };
    const shown = await terminal({});
    expect(shown.code).toBe(0);
    expect(shown.err).toContain('\r\u001b[2K正在生成 CSV（1/4）…');
    expect(shown.err).toContain('正在生成 HTML（4/4）…');
    expect(shown.err.endsWith('\r\u001b[2K')).toBe(true);
    const ci = await terminal({ CI: 'true' });
    expect(ci.code).toBe(0);
    expect(ci.err).not.toContain('正在生成');
    const small = await build(county, DATE);
    expect(small.err).not.toContain('正在生成');
  });
});

describe('the real binary', () => {
  it('builds the example from the command line', () => {
    const out = path.join(tempDir(), 'site');
    const r = gkProcess(['build', 'catalogs/examples/shiyan-county', '--out', out, ...DATE]);
    expect(r.err).not.toContain('internal error');
    expect(r.code).toBe(0);
    expect(r.out).toContain('index.html');
    expect(fs.existsSync(path.join(out, 'catalog.xlsx'))).toBe(true);
    expect(fs.statSync(out).mode & 0o005).toBe(0o005);
  });
});
