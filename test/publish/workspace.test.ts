// gk build on a workspace: every government into one output folder, with a landing page; one broken catalog stops all.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gk, repoRoot } from '../helpers.js';
import { generateCityWorkspace } from '../../bench/generate.js';
import { exampleWorkspace, readTree } from './helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-build-ws-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function workspace(name: string): string {
  const ws = path.join(tmp, name);
  const example = path.join(repoRoot, 'catalogs', 'examples', 'shiyan-county');
  fs.mkdirSync(ws, { recursive: true });
  fs.writeFileSync(path.join(ws, 'gk.yaml'), 'workspace: true\nname: 示例市人民政府\ncode: "410900"\ncity: 示例市\n');
  for (const [dir, name, code] of [['shiyan', '示例县人民政府', '410999'], ['beishan', '北山县人民政府', '410998']] as const) {
    fs.cpSync(example, path.join(ws, dir), { recursive: true, filter: (src) => !src.includes(`${path.sep}dist`) });
    const manifest = path.join(ws, dir, 'gk.yaml');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('示例县人民政府', name).replace('"410999"', `"${code}"`).replace('standard: national-2020', 'standard: national-2020\nparent: "410900"'));
  }
  return ws;
}

describe('gk build on a workspace', () => {
  it('builds every government under its own folder, with an index page linking them', async () => {
    const ws = workspace('ok');
    const out = path.join(tmp, 'ok-out');
    const r = await gk(['build', ws, '--out', out, '--date', '2024-03-31', '--formats', 'html,csv']);
    expect(r.code).toBe(0);
    const index = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a href="beishan/index.html">北山县人民政府</a>');
    expect(index).toContain('<a href="shiyan/index.html">示例县人民政府</a>');
    expect(index).toContain('<title>示例市基层政务公开标准目录</title>');
    expect(index).toContain('<html lang="zh-CN">');
    expect(index).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(fs.readFileSync(path.join(out, 'beishan', 'index.html'), 'utf8')).toContain('北山县人民政府');
    expect(fs.existsSync(path.join(out, 'shiyan', 'catalog.csv'))).toBe(true);
    const again = path.join(tmp, 'ok-out-2');
    expect((await gk(['build', ws, '--out', again, '--date', '2024-03-31', '--formats', 'html,csv'])).code).toBe(0);
    for (const f of ['index.html', 'shiyan/social-assistance.html', 'beishan/catalog.csv']) {
      expect(fs.readFileSync(path.join(again, f)), f).toEqual(fs.readFileSync(path.join(out, f)));
    }
  });

  it('nests the governments on a landing page from the site templates, with a search across all, and links each site up and down', async () => {
    const ws = exampleWorkspace(path.join(tmp, 'tree'));
    const out = path.join(tmp, 'tree-out');
    const r = await gk(['build', ws, '--out', out, '--date', '2024-03-31']);
    expect(r.code, r.err).toBe(0);
    const read = (f: string) => fs.readFileSync(path.join(out, f), 'utf8');
    await expect(read('index.html')).toMatchFileSnapshot('./__golden__/workspace/index.html');
    await expect(read('search.html')).toMatchFileSnapshot('./__golden__/workspace/search.html');
    expect(read('style.css')).toBe(fs.readFileSync(path.join(repoRoot, 'templates', 'site', 'style.css'), 'utf8'));
    // The search across governments loads each government's own index (no second copy at the top), with what its
    // relative links need in front of them from there; the browser suites search it.
    expect(fs.existsSync(path.join(out, 'search-index.js'))).toBe(false);
    expect(read('search.html')).toContain('<li data-src="shiyan/chengguan/search-index.js" data-base="shiyan/chengguan/">示例县城关镇人民政府</li>');
    expect(read('shiyan/chengguan/search-index.js')).toContain('"h":"social-assistance.html#item-social-assistance-01"');
    expect(read('search.html').match(/<li data-src=/g)).toHaveLength(3);
    // The township's site: up to the landing page and the county, down to its village.
    const town = read('shiyan/chengguan/index.html');
    expect(town).toContain('<li><a href="../../index.html">示例市全部政府</a></li>');
    expect(town).toContain('<li>上级：<a href="../index.html">示例县人民政府</a></li>');
    expect(town).toContain('<li><a href="dongjie/index.html">示例县城关镇东街社区</a> <span class="muted">村级</span></li>');
    // The village shows no coverage: the national tables have no village items (gk report says the same).
    const village = read('shiyan/chengguan/dongjie/index.html');
    expect(village).not.toMatch(/覆盖率 \d|国家标准事项覆盖率<\/dt>|<th scope="col" class="num">覆盖率/);
    const absolute = path.join(tmp, 'tree-abs');
    expect((await gk(['build', ws, '--out', absolute, '--date', '2024-03-31', '--base-url', '/city/', '--formats', 'html'])).code).toBe(0);
    expect(fs.readFileSync(path.join(absolute, 'shiyan', 'chengguan', 'index.html'), 'utf8')).toContain('<li>上级：<a href="/city/shiyan/index.html">示例县人民政府</a></li>');
    expect(fs.readFileSync(path.join(absolute, 'index.html'), 'utf8')).toContain('<a href="/city/shiyan/chengguan/index.html">示例县城关镇人民政府</a>');
    // With --base-url the indexes' links are absolute already: nothing goes in front of them.
    expect(fs.readFileSync(path.join(absolute, 'search.html'), 'utf8')).toContain('<li data-src="/city/shiyan/chengguan/search-index.js" data-base="">示例县城关镇人民政府</li>');
  });

  it('takes the landing page from --templates like every other page', async () => {
    const ws = workspace('templated');
    const dir = path.join(tmp, 'templates');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'workspace.hbs'), '<!DOCTYPE html><title>{{site.title}}</title><ul>{{#each governments}}<li>{{name}}</li>{{/each}}</ul>\n');
    const out = path.join(tmp, 'templated-out');
    expect((await gk(['build', ws, '--out', out, '--date', '2024-03-31', '--templates', dir, '--formats', 'html'])).code).toBe(0);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('<!DOCTYPE html><title>示例市基层政务公开标准目录</title><ul><li>北山县人民政府</li><li>示例县人民政府</li></ul>\n');
  });

  it('writes nothing when any government has errors', async () => {
    const ws = workspace('broken');
    const file = path.join(ws, 'beishan', 'catalog', 'employment.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('audience: 全社会', 'audience: 所有人'));
    const out = path.join(tmp, 'broken-out');
    const r = await gk(['build', ws, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('beishan');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses whatever validate calls an error between governments: duplicate-code, parent-cycle, parent-mismatch', async () => {
    const dup = workspace('dup');
    const beishan = path.join(dup, 'beishan', 'gk.yaml');
    fs.writeFileSync(beishan, fs.readFileSync(beishan, 'utf8').replace('"410998"', '"410999"'));
    const cycle = workspace('cycle');
    for (const [dir, parent] of [['shiyan', '410998'], ['beishan', '410999']] as const) {
      const manifest = path.join(cycle, dir, 'gk.yaml');
      fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('parent: "410900"', `parent: "${parent}"`));
    }
    const city = path.join(tmp, 'city');
    fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace', 'city'), city, { recursive: true });
    for (const [ws, code] of [
      [dup, 'workspace/duplicate-code'],
      [cycle, 'workspace/parent-cycle'],
      [city, 'parent-mismatch'],
    ] as const) {
      const validate = await gk(['validate', ws, '-f', 'json']);
      expect(validate.code, ws).toBe(1);
      const out = path.join(tmp, `${path.basename(ws)}-out`);
      const r = await gk(['--lang', 'en', 'build', ws, '--out', out, '--date', '2024-03-31']);
      expect(r.code, ws).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toContain(code);
      expect(r.err).toMatch(new RegExp(`nothing built: .* has \\d+ errors \\(.*${code} ×\\d+.*\\); fix them first`));
      // every error validate reports is shown, nothing more
      const errors = (JSON.parse(validate.out) as { diagnostics: Array<{ severity: string }> }).diagnostics.filter((d) => d.severity === 'error');
      expect(r.err).toContain(`has ${errors.length} errors`);
      expect(fs.existsSync(out)).toBe(false);
    }
  });
});

describe('rendering on worker threads', () => {
  it('spreads the governments over worker threads, byte for byte what one thread writes', async () => {
    const ws = path.join(tmp, 'generated');
    generateCityWorkspace(ws, 8, 1);
    const date = ['--date', '2024-05-01'];
    const profiles = path.join(tmp, 'profiles');
    // The real CLI with node's own --cpu-prof: one profile per thread shows that two workers rendered.
    const threaded = spawnSync(process.execPath, [`--cpu-prof-dir=${profiles}`, '--cpu-prof', path.join(repoRoot, 'bin', 'gk.js'), 'build', ws, '--out', path.join(tmp, 'threads'), '--jobs', '2', ...date], { encoding: 'utf8' });
    expect(threaded.status).toBe(0);
    expect(fs.readdirSync(profiles).filter((f) => f.endsWith('.cpuprofile'))).toHaveLength(3);
    expect((await gk(['build', ws, '--out', path.join(tmp, 'one-thread'), '--jobs', '1', ...date], repoRoot)).code).toBe(0);
    const threads = readTree(path.join(tmp, 'threads'));
    expect(threads.size).toBeGreaterThan(8 * 30);
    expect(threads).toEqual(readTree(path.join(tmp, 'one-thread')));
  }, 120_000);

  it('refuses a --jobs that is not a whole number from 1 to 64', async () => {
    for (const jobs of ['0', 'two', '65', '1.5']) {
      const r = await gk(['--lang', 'en', 'build', workspace('jobs'), '--out', path.join(tmp, 'jobs-out'), '--jobs', jobs], repoRoot);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--jobs: expected a whole number from 1 to 64, got "${jobs}"`);
    }
  });
});
