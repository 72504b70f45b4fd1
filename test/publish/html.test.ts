// The built pages as documents: landmarks, labels, table headers, unique ids, no external resources, a working index.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { parse, valid, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE_DIR } from '../../src/publish/templates.js';
import { safeHttpUrl } from '../../src/publish/html.js';
import { build, county, example, readTree } from './helpers.js';

let pages: Map<string, string>;
let site: Map<string, Buffer>;

beforeAll(async () => {
  const r = await build(example, ['--date', '2024-05-01']);
  site = readTree(r.dir);
  pages = new Map([...site].filter(([f]) => f.endsWith('.html')).map(([f, b]) => [f, b.toString('utf8')]));
});

describe('every page', () => {
  it('is well-formed HTML5 in Chinese with a title', () => {
    expect(pages.size).toBeGreaterThan(4);
    for (const [file, html] of pages) {
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">'), file).toBe(true);
      expect(valid(html), file).toBe(true);
      const root = parse(html);
      expect(root.querySelector('title')?.text.trim(), file).not.toBe('');
      expect(root.querySelector('meta[charset]')?.getAttribute('charset'), file).toBe('utf-8');
      expect(root.querySelector('meta[name="viewport"]'), file).not.toBeNull();
    }
  });

  it('has the landmarks, a skip link to main, and one h1', () => {
    for (const [file, html] of pages) {
      const root = parse(html);
      expect(root.querySelectorAll('header'), file).toHaveLength(1);
      expect(root.querySelectorAll('main#main'), file).toHaveLength(1);
      expect(root.querySelectorAll('footer'), file).toHaveLength(1);
      expect(root.querySelectorAll('nav').length, file).toBeGreaterThan(0);
      for (const nav of root.querySelectorAll('nav')) expect(nav.getAttribute('aria-label') ?? nav.getAttribute('aria-labelledby'), file).toBeTruthy();
      expect(root.querySelector('body > a')?.getAttribute('href'), file).toBe('#main');
      expect(root.querySelectorAll('h1'), file).toHaveLength(1);
    }
  });

  it('labels every form field and scopes every table header', () => {
    for (const [file, html] of pages) {
      const root = parse(html);
      for (const input of root.querySelectorAll('input, select, textarea')) {
        const id = input.getAttribute('id');
        expect(id, file).toBeTruthy();
        expect(root.querySelectorAll(`label[for="${id}"]`), `${file} #${id}`).toHaveLength(1);
      }
      for (const th of root.querySelectorAll('th')) expect(['col', 'row', 'colgroup', 'rowgroup'], `${file}: ${th.outerHTML}`).toContain(th.getAttribute('scope'));
    }
  });

  it('has unique ids, and every in-site link points at a page and an anchor that exist', () => {
    const ids = new Map<string, Set<string>>();
    for (const [file, html] of pages) {
      const list = parse(html).querySelectorAll('[id]').map((e) => e.getAttribute('id')!);
      expect(new Set(list).size, file).toBe(list.length);
      ids.set(file, new Set(list));
    }
    for (const [file, html] of pages) {
      for (const a of parse(html).querySelectorAll('a[href]')) {
        const href = a.getAttribute('href')!;
        if (/^https?:/.test(href)) continue;
        const [target, anchor] = href.split('#') as [string, string | undefined];
        const page = target === '' ? file : target;
        expect(site.has(page), `${file} → ${href}`).toBe(true);
        if (anchor && page.endsWith('.html')) expect(ids.get(page)?.has(anchor), `${file} → ${href}`).toBe(true);
      }
    }
  });

  it('loads nothing from elsewhere: relative scripts and styles, no links off the site but to government hosts', () => {
    for (const [file, html] of pages) {
      const root = parse(html);
      for (const el of root.querySelectorAll('[src], link[href], form[action]')) {
        const url = el.getAttribute('src') ?? el.getAttribute('href') ?? el.getAttribute('action')!;
        expect(url, `${file}: ${el.outerHTML}`).not.toMatch(/^([a-z]+:|\/\/)/i);
      }
      for (const a of root.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href')!;
        if (!/^[a-z]+:|^\/\//i.test(href)) continue;
        expect(safeHttpUrl(href), `${file}: ${href}`).toBe(href);
        expect(new URL(href).hostname, `${file}: ${href}`).toMatch(/(^|\.)gov\.cn$/);
      }
      expect(html, file).not.toMatch(/<(iframe|object|embed|img|video|audio)\b/);
      expect(html, file).not.toMatch(/\sstyle="/);
      expect(root.querySelectorAll('script:not([src])'), file).toHaveLength(0);
    }
    // The edition's transcription notes and sources stay with the maintainers (the edition's SOURCES files, gk report).
    for (const [file, html] of pages) expect(html, file).not.toContain('本领域国家标准事项的来源');
    const css = site.get('style.css')!.toString('utf8');
    expect(css).not.toMatch(/url\(|@import|@font-face|https?:/);
    expect(css).toContain('@page { size: A4 landscape');
    expect(css).toMatch(/\.catalog thead \{ display: table-header-group;/);
    expect(css).toMatch(/:focus-visible \{[^}]*outline: 3px solid/);
  });
});

describe('templates', () => {
  it('never print unescaped values', () => {
    const templates = fs.readdirSync(DEFAULT_TEMPLATE_DIR).filter((f) => f.endsWith('.hbs'));
    expect(templates.length).toBeGreaterThan(2);
    for (const file of templates) {
      const text = fs.readFileSync(path.join(DEFAULT_TEMPLATE_DIR, file), 'utf8');
      // The dashboard is one file: it inlines the stylesheets and its script (template files, never catalog data).
      const allowed = file === 'report.hbs' ? text.replace('{{{css}}}', '').replace('{{{script}}}', '') : text;
      expect(allowed, file).not.toMatch(/\{\{~?\{|\{\{~?&/);
    }
  });
});

describe('safeHttpUrl', () => {
  it('accepts http(s) only', () => {
    expect(safeHttpUrl('https://www.gov.cn/a?b=1&c=2')).toBe('https://www.gov.cn/a?b=1&c=2');
    expect(safeHttpUrl(' http://example.gov.cn ')).toBe('http://example.gov.cn/');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', '//evil.example', '/local', 'https://', 'https://a b', 'http://x/"onmouseover=1', 'vbscript:x']) {
      expect(safeHttpUrl(bad), bad).toBeUndefined();
    }
  });
});

describe('the search index', () => {
  it('holds every item once, linking to its row', async () => {
    const r = await build(county, ['--date', '2024-05-01']);
    const tree = readTree(r.dir);
    const window: { GK_SEARCH_INDEX?: Array<{ i: string; h: string; n: string; x: string }> } = {};
    vm.runInNewContext(tree.get('search-index.js')!.toString('utf8'), { window });
    const entries = window.GK_SEARCH_INDEX!;
    expect(entries.map((e) => e.i)).toEqual(['sa-01', 'sa-02', 'sa-03', 'ga-01', 'ga-02']);
    for (const e of entries) {
      const [page, anchor] = e.h.split('#') as [string, string];
      expect(tree.get(page)!.toString('utf8')).toContain(`<tr id="${anchor}">`);
    }
    // The whole 公开内容 on one line, so words far into it are found too; the page shows an excerpt.
    expect(entries.find((e) => e.i === 'ga-02')!.x).toBe('-年度报告全文 @各项任务的落实进展');
    expect(entries.find((e) => e.i === 'ga-01')!.n).toBe('县政府常务会议');
  });
});
