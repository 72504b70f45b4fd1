// The maintainers' page (gk build --provenance → provenance.html): the edition's transcription sources, gaps and
// notes, and each element's origin, kept off the public site: no public page links to it or repeats what it holds.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gk } from '../helpers.js';
import { build, example, exampleWorkspace, tempDir } from './helpers.js';

const tmp = tempDir('gk-provenance-');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function htmlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => f.split(path.sep).join('/')).sort();
}

/** Pages reachable from `start` by following the site's own links (href and form action), as a visitor can. */
function reachable(dir: string, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const html = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of html.matchAll(/(?:href|action|src)="([^"#?]+)/g)) {
      if (/^[a-z]+:/i.test(m[1]!)) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!));
      if (!target.endsWith('.html') || seen.has(target) || !fs.existsSync(path.join(dir, target))) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}

describe('the maintainers’ page of gk build --provenance', () => {
  it('holds the edition’s sources, gaps and row notes and each element’s origin; no public page links to it or shows them', async () => {
    const r = await build(example, ['--date', '2024-05-01', '--provenance', '--formats', 'html,json']);
    expect(r.code, r.err).toBe(0);
    const page = r.text('provenance.html');
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    // urban-rural-planning's source (a commercial mirror), its gaps, and a row's transcription note.
    expect(page).toContain('<code>https://www.qianlima.com/bid-558529662.html</code>');
    expect(page).toContain('第6行自公开主体起被截断');
    expect(page).toContain('公开主体被聚合网站遮蔽');
    expect(page).toMatch(/国家标准 <code>urban-rural-planning\/1<\/code>：一级事项、二级事项/);
    expect(page).toMatch(/本地 <code>catalog\/urban-rural-planning\.yaml items\[0\]<\/code>：公开主体/);
    // Sources are text to copy, never links out.
    expect(page).not.toMatch(/href="https?:/);

    const pages = htmlFiles(r.dir);
    expect(pages).toContain('provenance.html');
    const publicPages = pages.filter((f) => f !== 'provenance.html');
    expect(publicPages.length).toBeGreaterThan(20);
    // Everything a visitor can reach from the homepage is public, and that is every page but this one.
    expect([...reachable(r.dir, 'index.html')].sort()).toEqual(publicPages);
    for (const f of [...publicPages, 'search-index.js']) {
      const text = r.text(f);
      expect(text, f).not.toContain('provenance.html');
      expect(text, f).not.toContain('qianlima');
      expect(text, f).not.toContain('第6行自公开主体起被截断');
      expect(text, f).not.toContain('公开主体被聚合网站遮蔽');
    }
    // The JSON keeps every element's origin as before.
    expect(JSON.parse(r.text('catalog.json')).items[0].fields.name.origin.kind).toBe('standard');
  });

  it('is not written without --provenance', async () => {
    const r = await build(example, ['--date', '2024-05-01', '--formats', 'html']);
    expect(r.code, r.err).toBe(0);
    expect(fs.existsSync(path.join(r.dir, 'provenance.html'))).toBe(false);
  });

  it('in a workspace, each government gets its own, and neither the landing page nor any site links to one', async () => {
    const ws = exampleWorkspace(path.join(tmp, 'ws'));
    const out = path.join(tmp, 'ws-out');
    const r = await gk(['build', ws, '--out', out, '--date', '2024-05-01', '--formats', 'html', '--provenance']);
    expect(r.code, r.err).toBe(0);
    const pages = htmlFiles(out);
    const maintainers = pages.filter((f) => f.endsWith('provenance.html'));
    expect(maintainers).toEqual(['shiyan/chengguan/dongjie/provenance.html', 'shiyan/chengguan/provenance.html', 'shiyan/provenance.html']);
    // The village's items carry the township's: their origin names the township's file.
    expect(fs.readFileSync(path.join(out, 'shiyan/chengguan/dongjie/provenance.html'), 'utf8')).toMatch(/承接上级事项 <code>social-assistance-01<\/code>/);
    const reached = reachable(out, 'index.html');
    expect([...reached].sort()).toEqual(pages.filter((f) => !f.endsWith('provenance.html')));
  });
});
