// formatCatalogText: canonical values, key order and list styles; comments kept; fmt twice = fmt once.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { doubleQuotedChars, formatCatalog, formatCatalogText } from '../../src/fmt/format.js';
import { repairFullwidthColons } from '../../src/load/fullwidth-colon.js';
import { fixtures, repoRoot } from '../helpers.js';

const messy = fs.readFileSync(path.join(fixtures, 'fmt', 'messy.yaml'), 'utf8');

describe('formatCatalogText', () => {
  it('rewrites the messy catalog into canonical form', async () => {
    await expect(formatCatalogText(messy)).toMatchFileSnapshot('./__golden__/messy.formatted.yaml');
  });

  it('is idempotent: formatting the formatted text changes nothing', () => {
    const once = formatCatalogText(messy);
    expect(formatCatalogText(once)).toBe(once);
  });

  it('keeps every comment, the modeline first', () => {
    const out = formatCatalogText(messy);
    expect(out.startsWith('# yaml-language-server: $schema=')).toBe(true);
    expect(out.endsWith('\n')).toBe(true);
    for (const comment of messy.match(/#[^\n]*/g)!) expect(out).toContain(comment.trim());
  });

  it('normalises the values', () => {
    const data = parse(formatCatalogText(messy)) as { items: Array<Record<string, unknown>> };
    const [first, second] = data.items;
    expect(Object.keys(first!)).toEqual(['id', 'standard', 'name', 'deadline', 'subject', 'channels', 'audience', 'mode', 'levels', 'publics']);
    expect(first).toMatchObject({ subject: '示例县民政局', mode: '依申请', audience: ['全社会', '特定群体'], levels: ['乡级'], channels: ['政府网站'], publics: '结果公开' });
    // only the width of the digits changes: 自该…予以公开 and 或者 are the law's words
    expect(first!.deadline).toBe('自该信息形成或者变更之日起20个工作日内予以公开');
    // a deadline carrying a proviso keeps it
    expect(second!.deadline).toBe('信息形成或变更之日起20个工作日内，法律法规另有规定的从其规定');
    // 政务服务中 is a typo with one suggestion
    expect(second!.channels).toEqual(['政府网站', '政务服务中心', '便民服务站']);
    expect(second).toMatchObject({ mode: '主动', levels: ['县级', '乡级'], basis: ['《国务院关于全面建立临时救助制度的通知》'], basis2: '未知的键，原样保留' });
  });

  it('leaves a channel gk.yaml declares as local alone', () => {
    const text = 'domain: x\nitems:\n  - id: a\n    channels: [政务服务中, 政府门户网站]\n';
    expect(parse(formatCatalogText(text, { localChannels: ['政务服务中'] })).items[0].channels).toEqual(['政务服务中', '政府网站']);
  });

  it('leaves an unknown channel with several suggestions alone', () => {
    const text = 'domain: x\nitems:\n  - id: a\n    channels: [公示]\n';
    expect(parse(formatCatalogText(text)).items[0].channels).toEqual(['公示']);
  });

  it('fixes full-width colons after keys, and nothing else', () => {
    expect(repairFullwidthColons('  - id：a\n    name：说明：见附件\n')).toBe('  - id: a\n    name: 说明：见附件\n');
  });

  it('leaves text it cannot parse as it was, saying where', () => {
    const broken = 'domain: x\nitems:\n  - id: [a\n';
    const result = formatCatalog(broken);
    expect(result).toMatchObject({ ok: false, text: broken, failure: { reason: 'syntax', line: 4, column: 1 } });
    expect(formatCatalogText(broken)).toBe(broken);
  });

  it('refuses aliases rather than move them before their anchors', () => {
    const text = 'domain: x\nshared: &c [政府网站]\nitems:\n  - id: a\n    channels: *c\n';
    expect(formatCatalog(text)).toEqual({ ok: false, text, failure: { reason: 'alias' } });
    // an anchor nothing refers to is harmless
    expect(formatCatalog('domain: x\nitems:\n  - &a\n    id: a\n').ok).toBe(true);
  });

  it('leaves every example county catalog, already canonical, byte for byte unchanged', () => {
    const dir = path.join(repoRoot, 'catalogs', 'examples', 'shiyan-county', 'catalog');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      expect([file, formatCatalogText(text)]).toEqual([file, text]);
    }
  });
});

describe('doubleQuotedChars (the fmt limit on double-quoted text)', () => {
  it('counts double-quoted keys and values in block and flow collections, across documents, and nothing else', () => {
    const text = ['"k": "ab"', 'list: ["c", \'d\', e]', 'map: {x: "fg"}', 'block: |', '  "not a scalar of its own"', 'plain: a "b" c', '---', '"h"', ''].join('\n');
    // "k" 3, "ab" 4, "c" 3, "fg" 4, "h" 3
    expect(doubleQuotedChars(text)).toBe(17);
    expect(doubleQuotedChars('a: b\n')).toBe(0);
  });
});
