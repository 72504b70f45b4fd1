// Imported items → YAML text: catalog files (stable key order, canonical list styles, schema modeline) and standard editions.
import { Document } from 'yaml';
import { applyCanonicalStyle, ITEM_KEY_ORDER, YAML_OUTPUT } from '../fmt/style.js';
import { say, type Message } from '../model/i18n.js';
import type { ItemSpec, Lang } from '../model/types.js';
import type { DomainOutput } from './plan.js';

/** The catalog file's own comment, like gk init's, in the language gk was run in; the data stays as the table wrote it. */
const IMPORTED_FROM: Message = { zh: '由 gk import 从 {files} 导入', en: 'imported by gk import from {files}' };

/** The national edition's key order (catalogs/standard/build-national-2020.mjs). */
const EDITION_KEYS = ['id', 'seq', 'category', 'name', 'content', 'basis', 'deadline', 'subject', 'channels', 'audience', 'mode', 'levels', 'levelsAsWritten', 'source', 'note'] as const;

function pick(item: ItemSpec, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (item as unknown as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * `domain:` then `items:` with each item printed on its own, as it prints inside the whole document (the same key,
 * the same indentation): one Document of 100,000 items took over a gigabyte of nodes, one item's takes a few
 * kilobytes and is dropped once printed. `itemDocument` makes the document `{ items: [that item] }`.
 */
function printCatalogLike(domain: string, items: readonly ItemSpec[], itemDocument: (item: ItemSpec) => Document): string {
  if (items.length === 0) return new Document({ domain, items: [] }).toString(YAML_OUTPUT);
  const parts = [new Document({ domain }).toString(YAML_OUTPUT), 'items:\n'];
  for (const item of items) {
    const printed = itemDocument(item).toString(YAML_OUTPUT);
    if (!printed.startsWith('items:\n')) throw new Error(`an item printed without its key: ${printed.slice(0, 40)}`);
    parts.push(printed.slice('items:\n'.length));
  }
  return parts.join('');
}

/** One `<out>/<domain>.yaml`: the modeline, a line saying where it came from, then the items in fmt's canonical form. */
export function renderCatalogFile(output: DomainOutput, schemaPath: string, domainLabel: string, lang: Lang): string {
  const body = printCatalogLike(output.domain, output.items, (item) => {
    const doc = new Document({ items: [pick(item, ITEM_KEY_ORDER)] });
    applyCanonicalStyle(doc);
    return doc;
  });
  const head = [`# yaml-language-server: $schema=${schemaPath}`, `# ${domainLabel} · ${say(IMPORTED_FROM, lang, { files: output.files.join(lang === 'zh' ? '、' : ', ') })}`];
  return `${head.join('\n')}\n${body}`;
}

/** A domain file of an edition, laid out like catalogs/standard/national-2020: basis one per line, other lists `[a, b]`. */
export function renderEditionDomain(output: DomainOutput, editionId: string, domainLabel: string): string {
  const body = printCatalogLike(output.domain, output.items, (item) => {
    const doc = new Document({ items: [] as unknown[] });
    const map = doc.createNode({}) as { set(k: string, v: unknown): void };
    for (const [k, v] of Object.entries(pick(item, EDITION_KEYS))) {
      if (Array.isArray(v) && k !== 'basis') {
        const node = doc.createNode(v) as { flow: boolean };
        node.flow = true;
        map.set(k, node);
      } else map.set(k, k === 'basis' ? doc.createNode(v) : v);
    }
    (doc.get('items') as { add(v: unknown): void }).add(map);
    return doc;
  });
  return `# 标准目录 ${editionId} · ${domainLabel} · 由 gk import 从 ${output.files.join('、')} 导入\n${body}`;
}

export interface EditionMeta {
  id: string;
  title: string;
  complete: boolean;
  domains: Array<{ output: DomainOutput; name: string }>;
}

/** edition.yaml: what the national one holds, with `partial` as the importer was told and the inputs as sources. */
export function renderEditionMeta(meta: EditionMeta): string {
  const rows = meta.domains.reduce((n, d) => n + d.output.items.length, 0);
  const domains: Record<string, unknown> = {};
  for (const { output, name } of meta.domains) {
    domains[output.domain] = { name, rows: output.items.length, partial: !meta.complete, sources: output.files };
  }
  const doc = new Document({
    id: meta.id,
    title: meta.title,
    note: `由 gk import 从 ${[...new Set(meta.domains.flatMap((d) => d.output.files))].join('、')} 导入；${meta.complete ? '导入者声明各表完整' : '未声明完整，按节选处理（partial）'}`,
    partial: !meta.complete,
    rows,
    domains,
  });
  return `# 标准目录 ${meta.id} · 版本说明 · 由 gk import 生成\n${doc.toString(YAML_OUTPUT)}`;
}
