// How values and figures are written for people, the same in every output (terminal, files, pages).
import type { Lang } from './types.js';

/** A value as one line: lists joined with 、, nothing as an empty string. */
export function flattenValue(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(String).join('、');
  return String(v).replace(/\s*\n\s*/g, ' ');
}

/** One decimal; never 100.0% for a catalog that is not complete. */
export function formatPercent(ratio: number): string {
  const shown = Math.round(ratio * 1000) / 10;
  return `${(ratio < 1 && shown >= 100 ? 99.9 : shown).toFixed(1)}%`;
}

/** Coverage of a domain with nothing applicable (a local domain) is not a number worth showing. */
export function formatCoverage(c: { applicable: number; coverage: number }): string {
  return c.applicable === 0 ? '—' : formatPercent(c.coverage);
}

export function labelDomain(id: string, name: string | undefined, lang: Lang): string {
  if (name === undefined || name === id) return id;
  return lang === 'zh' ? `${name}（${id}）` : `${name} (${id})`;
}
