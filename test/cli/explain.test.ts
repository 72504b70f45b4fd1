// gk explain: every documented check in both languages, a did-you-mean for typos, and examples that are real YAML.
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { checkDocs } from '../../src/check/lint/docs.js';
import { rules } from '../../src/check/lint/registry.js';
import { gk, gkProcess } from '../helpers.js';

describe('gk explain', () => {
  it('explains a rule with its purpose, examples, fix and how to switch it off, in Chinese and English', async () => {
    const zh = await gk(['explain', 'unknown-channel']);
    expect(zh.code).toBe(0);
    expect(zh.out.split('\n')[0]).toBe('unknown-channel（规则，默认级别 warning，可自动修复）');
    for (const part of ['为什么', '会报告', '不会报告', '如何修正', '如何关闭', 'channels: [政府网占]', 'unknown-channel: off', '# gk-disable-next-line unknown-channel -- 理由']) expect(zh.out).toContain(part);
    expect(zh.out).toContain(checkDocs['unknown-channel']!.summary.zh);
    const en = await gk(['--lang', 'en', 'explain', 'duplicate-id']);
    expect(en.out.split('\n')[0]).toBe('duplicate-id (lint rule, default severity error)');
    for (const part of ['Why', 'Flagged', 'Accepted', 'How to fix', 'How to switch it off', checkDocs['duplicate-id']!.summary.en]) expect(en.out).toContain(part);
    expect(en.out).not.toMatch(/为什么|如何/);
  });

  it('says that stage checks cannot be switched off', async () => {
    const r = await gk(['explain', 'yaml-syntax']);
    expect(r.out).toContain('yaml-syntax（阶段检查，默认级别 error）');
    expect(r.out).toContain('不能关闭');
    expect(r.out).not.toContain('gk-disable-next-line');
  });

  it('lists every rule and check when no rule is named', async () => {
    const r = await gk(['--lang', 'en', 'explain']);
    expect(r.code).toBe(0);
    const ids = r.out.split('\n').filter((l) => /^\S+\s+(error|warning)\s/.test(l)).map((l) => l.split(/\s+/)[0]);
    expect(ids).toEqual(Object.keys(checkDocs));
    for (const rule of rules) expect(ids).toContain(rule.meta.id);
  });

  it('refuses an unknown rule with exit 2 and the nearest id', () => {
    const r = gkProcess(['explain', 'unknown-chanel']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('是否指“unknown-channel”');
    expect(gkProcess(['--lang', 'en', 'explain', 'vague']).err).toMatch(/^gk: no rule "vague"; did you mean "[a-z-]+"\?/);
  });

  it('shows examples that are YAML, except those that show broken YAML', () => {
    const broken = new Set(['yaml-syntax', 'yaml-alias', 'duplicate-key']);
    for (const [id, docs] of Object.entries(checkDocs)) {
      for (const [kind, list] of [['flags', docs.flags], ['accepts', docs.accepts]] as const) {
        for (const example of list) {
          const errors: unknown[] = [];
          for (const doc of parseAllDocuments(example.yaml)) {
            if ('errors' in doc) errors.push(...doc.errors);
            try {
              doc.toJS({ maxAliasCount: 100 });
            } catch (e) {
              errors.push(e);
            }
          }
          if (kind === 'flags' && broken.has(id)) expect(errors.length, `${id} ${kind}: ${example.yaml}`).toBeGreaterThan(0);
          else expect(errors, `${id} ${kind}: ${example.yaml}`).toEqual([]);
        }
      }
    }
  });
});
