// What the on-screen Chromium suite (screen-suite.ts and its three files) relies on, checked without a browser: every
// build it names is walked by a file that exists and calls screenSuite for it, the keyboard is checked at a width the
// walk covers, and no script of the site reads the window's size (the walk loads a page once and resizes it, which
// is only the same as loading it at each width while the layout is CSS's alone).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { KEYBOARD_WIDTH, PAGES, SCREEN_FILES, WIDTHS, siteScripts } from './screen-suite.js';

describe('the on-screen suite', () => {
  it('walks every build in a file of its own, and checks the keyboard at a width it walks', () => {
    expect(WIDTHS).toEqual([1366, 1024, 375]);
    expect(WIDTHS).toContain(KEYBOARD_WIDTH);
    expect(new Set(PAGES.map((p) => p.fixture))).toEqual(new Set(Object.keys(SCREEN_FILES)));
    for (const [fixture, file] of Object.entries(SCREEN_FILES)) {
      expect(file).toMatch(/^test\/publish\/screen-[a-z]+\.browser\.test\.ts$/);
      expect(fs.readFileSync(path.join(repoRoot, file), 'utf8'), file).toContain(`screenSuite('${fixture}',`);
    }
  });

  it('relies on no script of the site reading the window’s size', () => {
    const scripts = siteScripts();
    expect(scripts.map((s) => s.file)).toEqual(expect.arrayContaining(['search.js', 'report.js']));
    const sizeReading = /\b(?:inner|outer|client|offset|scroll)(?:Width|Height)\b|getBoundingClientRect|getClientRects|matchMedia|visualViewport|ResizeObserver|\bscreen\.|\bonresize\b|['"](?:resize|orientationchange)['"]/;
    for (const s of scripts) expect(sizeReading.exec(s.text)?.[0], s.file).toBeUndefined();
  });
});
