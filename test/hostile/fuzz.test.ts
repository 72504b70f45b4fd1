// A small seeded fuzzer over the loader, fmt and import: mutated catalogs and tables from a fixed seed, so every run
// sees the same few hundred cases. Fails on any thrown error that is not a refusal, and on any value fmt changes.
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { rng } from '../../bench/generate.js';
import { readCatalogFile } from '../../src/load/catalog.js';
import { GkError } from '../../src/model/errors.js';
import { formatCatalog } from '../../src/fmt/format.js';
import { fixVocabularyValue } from '../../src/model/values.js';
import { planImport } from '../../src/import/plan.js';
import { renderCatalogFile } from '../../src/import/write.js';
import { parseSource } from '../../src/load/source.js';
import { schemaDiagnostics } from '../../src/check/schema/validate.js';
import { loadChannelVocabulary } from '../../src/load/channels.js';
import { defaultEdition, schemaValidators } from '../../src/check/validate.js';

const SEED = 20_261_203;

const BASE = `# yaml-language-server: $schema=../schemas/catalog.schema.json
domain: social-assistance
items:
  - id: sa-1
    standard: social-assistance/1
    name: 最低生活保障
    content: |
      1. 办理条件
      2. 办理流程：申请、审核、审批
    basis:
      - 《社会救助暂行办法》
      - "《最低生活保障审核确认办法》"
    deadline: 信息形成或者变更之日起20个工作日内
    subject: 测试县民政局
    channels: [政府网站, 政务新媒体, 便民服务站]
    audience: 全社会
    mode: 主动
    levels: [县级, 乡级]
    note: 'QQ：123456  '
  - id: sa-2
    name: >-
      特困人员
      救助供养
    content: ~
    deadline: 20个工作日内
    channels:
      - 公开查阅点
    seq: 0012
exclusions:
  - standard: social-assistance/9
    reason: 本县无此业务
`;

const TOKENS = [
  ':', ': ', '：', '-', '- ', '[', ']', '{', '}', ',', '#', '# ', '&a ', '*a', '!!binary ', '!!str ', '!<tag:x> ', '|', '|-', '|+', '>', '>-',
  '"', "'", '\\', '\t', '  ', '\n', '\r\n', '\n  ', '~', 'null', 'true', 'no', '0x1F', '1e3', '.nan', '012', '2024-01-01', '__proto__', '<<: ',
  '? ', '%YAML 1.2\n', '---\n', '...\n', '中', '①', 'é', '\uFEFF', '\u2028', '\u00a0', '\u0000', '\uD800', '😀',
];

function mutate(text: string, random: () => number): string {
  let out = text;
  const steps = 1 + Math.floor(random() * 4);
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(random() * (out.length + 1));
    const choice = random();
    if (choice < 0.5) {
      out = out.slice(0, at) + TOKENS[Math.floor(random() * TOKENS.length)]! + out.slice(at);
    } else if (choice < 0.7) {
      out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 8));
    } else if (choice < 0.85) {
      const lines = out.split('\n');
      const i = Math.floor(random() * lines.length);
      lines.splice(i, 0, lines[Math.floor(random() * lines.length)]!);
      out = lines.join('\n');
    } else {
      const lines = out.split('\n');
      const i = Math.floor(random() * lines.length);
      lines[i] = ' '.repeat(Math.floor(random() * 6)) + lines[i]!.trimStart();
      out = lines.join('\n');
    }
  }
  return out;
}

/** The data js-yaml reads, or undefined when it cannot read the text (then there is no value to keep). */
function valueOf(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }) };
  } catch {
    return { ok: false };
  }
}

/** fmt's fixes of channels and 公开时限 are rules it may apply; the fuzzer turns them off to see everything else. */
const RULES_OFF = new Set(['unknown-channel', 'deadline-format']);

const LIST_FIELDS = new Set(['basis', 'channels', 'renamed_from', 'audience', 'mode', 'levels', 'publics']);
const VOCABULARY_FIELDS = new Set(['audience', 'mode', 'levels', 'publics']);

/**
 * The rewrites docs/fmt.md documents, applied to data, so that before and after compare equal when fmt made only
 * those: a list field written as one value or as a list of one is the same list; vocabulary values spelled the
 * canonical way, once each, in any order.
 */
function withDocumentedFixes(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(withDocumentedFixes);
  if (data === null || typeof data !== 'object') return data;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (!LIST_FIELDS.has(k) || !(typeof v === 'string' || Array.isArray(v))) {
      out[k] = withDocumentedFixes(v);
      continue;
    }
    const list = (Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'string' && VOCABULARY_FIELDS.has(k) ? (fixVocabularyValue(k, x) ?? x) : withDocumentedFixes(x)));
    out[k] = VOCABULARY_FIELDS.has(k) ? [...new Set(list.map((x) => JSON.stringify(x)))].sort() : list;
  }
  return out;
}

/**
 * Cases the fuzzer found where fmt still changes a value, by case number, with the reason. fmt belongs to the fmt
 * engineer; a case leaves this list when fmt is fixed (the test then fails until it is removed).
 */
const KNOWN_FMT_VALUE_CHANGES = new Map<number, string>([]);

const CASES = 300;
const cases = (() => {
  const random = rng(SEED);
  return Array.from({ length: CASES }, () => mutate(BASE, random));
})();

describe(`seeded fuzzer (seed ${SEED}, ${CASES} catalogs)`, () => {
  it('the loader turns every mutated catalog into data or diagnostics, never an exception', () => {
    const validate = schemaValidators().catalog;
    for (const [i, text] of cases.entries()) {
      for (const lang of [i % 2 === 0 ? 'zh' : 'en'] as const) {
        const source = parseSource(`/fuzz/${i}.yaml`, `fuzz/${i}.yaml`, new TextEncoder().encode(text), lang);
        readCatalogFile(source.data, source.display);
        for (const d of [...source.diagnostics, ...schemaDiagnostics(validate, source, lang)]) {
          expect(d.range.start.line, `case ${i}`).toBeGreaterThanOrEqual(1);
          expect(d.message, `case ${i}`).not.toMatch(/Maximum call stack|undefined|\[object Object\]/);
        }
      }
    }
  }, 60_000);

  it('fmt never throws and never changes a value (js-yaml reads the same data before and after)', () => {
    const changed: number[] = [];
    for (const [i, text] of cases.entries()) {
      let result: ReturnType<typeof formatCatalog>;
      try {
        result = formatCatalog(text, { rulesOff: RULES_OFF });
      } catch (err) {
        throw new Error(`case ${i}: fmt threw ${(err as Error).stack}\n--- input ---\n${text}`);
      }
      if (!result.ok || result.text === text) continue;
      const before = valueOf(text);
      if (!before.ok) continue;
      const after = valueOf(result.text);
      const expected = withDocumentedFixes(before.value);
      const got = after.ok ? withDocumentedFixes(after.value) : 'unreadable after fmt';
      if (JSON.stringify(got) !== JSON.stringify(expected)) changed.push(i);
      if (KNOWN_FMT_VALUE_CHANGES.has(i)) continue;
      expect(got, `case ${i}\n--- input ---\n${text}\n--- fmt ---\n${result.text}`).toEqual(expected);
    }
    // a known case that fmt no longer breaks must leave the list
    expect(changed.filter((i) => KNOWN_FMT_VALUE_CHANGES.has(i)).sort()).toEqual([...KNOWN_FMT_VALUE_CHANGES.keys()].sort());
  }, 60_000);

  it('import turns every mutated table into a plan or a refusal, and what it writes reads back', async () => {
    const random = rng(SEED + 1);
    const edition = defaultEdition();
    const vocab = loadChannelVocabulary();
    const header = ['序号', '一级事项', '二级事项', '公开内容', '公开依据', '公开时限', '公开主体', '公开渠道', '公开对象', '公开方式', '公开层级'];
    const cell = () => {
      const parts = ['低保', '"', ',', '\n', '\r', '；', '√', '■', '□', '县级', '主动', '全社会', '20个工作日内', '<td>', '&amp;', '\t', ' ', '①', ':', '- ', '#'];
      let s = '';
      for (let k = Math.floor(random() * 4); k > 0; k--) s += parts[Math.floor(random() * parts.length)];
      return s;
    };
    const quote = (c: string) => (/[",\n\r]/.test(c) || random() < 0.2 ? `"${c.replace(/"/g, '""')}"` : c);
    let planned = 0;
    for (let i = 0; i < 100; i++) {
      const rows = [header.join(',')];
      for (let r = 0, n = 1 + Math.floor(random() * 6); r < n; r++) {
        rows.push(Array.from({ length: header.length + Math.floor(random() * 3) - 1 }, (_, c) => (c === 0 ? String(r + 1) : quote(cell()))).join(','));
      }
      let text = rows.join(random() < 0.5 ? '\n' : '\r\n');
      if (random() < 0.3) text = mutate(text, random);
      const bytes = new TextEncoder().encode(text);
      try {
        const plan = await planImport([{ display: `fuzz-${i}.csv`, bytes }], { mode: 'catalog', domain: 'social-assistance', edition, vocab, lang: 'en' });
        planned++;
        for (const o of plan.outputs) {
          const written = renderCatalogFile(o, '../schemas/catalog.schema.json', '社会救助', 'en');
          const back = valueOf(written);
          expect(back.ok, `case ${i}: the written catalog does not parse\n${written}`).toBe(true);
        }
      } catch (err) {
        if (!(err instanceof GkError && err.kind === 'usage')) throw new Error(`case ${i}: import threw ${(err as Error).stack}\n--- input ---\n${text}`);
      }
    }
    expect(planned).toBeGreaterThan(20);
  }, 60_000);
});
