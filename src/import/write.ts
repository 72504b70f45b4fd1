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

/** One `<out>/<domain>.yaml`: the modeline, a line saying where it came from, then the items in fmt's canonical form. */
export function renderCatalogFile(output: DomainOutput, schemaPath: string, domainLabel: string, lang: Lang): string {
  const doc = new Document({ domain: output.domain, items: output.items.map((item) => pick(item, ITEM_KEY_ORDER)) });
  applyCanonicalStyle(doc);
  const head = [`# yaml-language-server: $schema=${schemaPath}`, `# ${domainLabel} · ${say(IMPORTED_FROM, lang, { files: output.files.join(lang === 'zh' ? '、' : ', ') })}`];
  return `${head.join('\n')}\n${doc.toString(YAML_OUTPUT)}`;
}

/** A domain file of an edition, laid out like catalogs/standard/national-2020: basis one per line, other lists `[a, b]`. */
export function renderEditionDomain(output: DomainOutput, editionId: string, domainLabel: string): string {
  const doc = new Document({ domain: output.domain, items: [] as unknown[] });
  const seq = doc.get('items') as { add(v: unknown): void };
  for (const item of output.items) {
    const map = doc.createNode({}) as { set(k: string, v: unknown): void };
    for (const [k, v] of Object.entries(pick(item, EDITION_KEYS))) {
      if (Array.isArray(v) && k !== 'basis') {
        const node = doc.createNode(v) as { flow: boolean };
        node.flow = true;
        map.set(k, node);
      } else map.set(k, k === 'basis' ? doc.createNode(v) : v);
    }
    seq.add(map);
  }
  return `# 标准目录 ${editionId} · ${domainLabel} · 由 gk import 从 ${output.files.join('、')} 导入\n${doc.toString(YAML_OUTPUT)}`;
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
