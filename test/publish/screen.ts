// The three builds the on-screen browser suite checks (issue 11's "done when"): the bundled example, a workspace with
// a county, a township and a village, and a synthetic city of 100 governments; plus the in-page measurements it uses.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { generateWorkspace } from '../../bench/workspace.js';
import { gk } from '../helpers.js';
import { example, exampleWorkspace } from './helpers.js';

export const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export type Fixture = 'example' | 'workspace' | 'city100';

export interface Built {
  name: string;
  /** the site (a single government) or the workspace's output folder */
  site: string;
  /** report.html of `gk report`, for workspaces */
  report?: string;
}

async function ok(argv: string[]): Promise<void> {
  const r = await gk(argv);
  if (r.code !== 0) throw new Error(`gk ${argv.join(' ')} → exit ${r.code}\n${r.err}`);
}

/** Builds one of the three fixtures (HTML only; with the report for workspaces) under `root`. */
export async function buildFixture(fixture: Fixture, root: string): Promise<Built> {
  const date = ['--date', '2024-05-01'];
  switch (fixture) {
    case 'example':
      // With --provenance, so the maintainers' page is checked too (the public pages are the same without it).
      await ok(['build', example, '--out', path.join(root, 'example'), '--formats', 'html', '--provenance', ...date]);
      return { name: fixture, site: path.join(root, 'example') };
    case 'workspace': {
      const ws = exampleWorkspace(path.join(root, 'ws'));
      await ok(['build', ws, '--out', path.join(root, 'ws-site'), '--formats', 'html', ...date]);
      await ok(['report', ws, '--out', path.join(root, 'ws-report'), '--formats', 'html', ...date]);
      return { name: fixture, site: path.join(root, 'ws-site'), report: path.join(root, 'ws-report', 'report.html') };
    }
    case 'city100': {
      // 100 governments (5 counties, 57 townships, 38 villages), two items in each of three domains: fast to build.
      const city = path.join(root, 'city100');
      generateWorkspace(city, { governments: 100, itemsPerDomain: 2, domains: 3, clean: true });
      await ok(['build', city, '--out', path.join(root, 'city100-site'), '--formats', 'html', ...date]);
      await ok(['report', city, '--out', path.join(root, 'city100-report'), '--formats', 'html', ...date]);
      return { name: fixture, site: path.join(root, 'city100-site'), report: path.join(root, 'city100-report', 'report.html') };
    }
  }
}

/** A fresh temporary folder for a suite's builds. */
export function screenRoot(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gk-screen-'));
}

/** axe-core's violations on the open page, one line per rule and element (axe-core injected once per page load). */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe;
    // preload: false — axe would otherwise fetch the stylesheets itself (for one rule), which file:// refuses.
    const result = await axe.run(document, { resultTypes: ['violations'], preload: false });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${JSON.stringify(n.target)} ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`));
  });
  return violations;
}

/**
 * Every number on screen (序号, dates, percentages, counts: digits with . - : / or a trailing %), and the word 序号
 * heading them, that the browser laid out over more than one line, with the element it is in.
 */
export async function wrappedNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const el = node.parentElement;
      if (!el || el.getClientRects().length === 0 || el.closest('.vh, [hidden], script, style')) continue;
      for (const m of node.data.matchAll(/序号|\d+(?:[.:/-]\d+)*%?/g)) {
        if (m[0].length < 2) continue;
        const range = document.createRange();
        range.setStart(node, m.index!);
        range.setEnd(node, m.index! + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
        if (lines.size > 1) bad.push(`“${m[0]}” in <${el.tagName.toLowerCase()} class="${el.className}"> ${el.textContent!.trim().slice(0, 30)}`);
      }
    }
    return bad;
  });
}

/** Elements sticking out to the right of the viewport that are not inside a box that scrolls them sideways. */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (e: Element) => {
      const s = getComputedStyle(e);
      return (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') && e !== document.body && e !== document.documentElement;
    };
    const out: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 0.5) continue;
      let p = el.parentElement;
      let inside = false;
      while (p && !inside) {
        inside = scrolls(p);
        p = p.parentElement;
      }
      if (!inside) out.push(`<${el.tagName.toLowerCase()} class="${el.className}"> right edge ${Math.round(r.right)} > ${width}`);
    }
    return out.slice(0, 10);
  });
}

/**
 * The focused element's ring: outline style and width, and the best contrast against the background behind the
 * element that its outline or box-shadow colours reach (WCAG's 3:1 for focus indicators).
 */
export async function focusRing(page: Page): Promise<{ element: string; style: string; width: number; contrast: number }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const parse = (c: string): [number, number, number, number] | undefined => {
      const m = /rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:[,/]\s*([\d.]+))?\)/.exec(c);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : undefined;
    };
    const luminance = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    let bg: number[] = [255, 255, 255];
    for (let p = el.parentElement; p; p = p.parentElement) {
      const c = parse(getComputedStyle(p).backgroundColor);
      if (c && c[3] > 0.5) {
        bg = c;
        break;
      }
    }
    const s = getComputedStyle(el);
    const colours: string[] = [];
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) colours.push(s.outlineColor);
    if (s.boxShadow !== 'none') colours.push(...(s.boxShadow.match(/rgba?\([^)]*\)/g) ?? []));
    let contrast = 0;
    for (const c of colours) {
      const rgb = parse(c);
      if (!rgb || rgb[3] < 0.5) continue;
      const [a, b] = [luminance(rgb), luminance(bg)];
      contrast = Math.max(contrast, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
    }
    return { element: `<${el.tagName.toLowerCase()} class="${el.className}">${(el.textContent ?? '').trim().slice(0, 20)}`, style: s.outlineStyle, width: parseFloat(s.outlineWidth) || 0, contrast: Math.round(contrast * 100) / 100 };
  });
}
