// Bilingual message templates: every user-facing string is a { zh, en } pair filled with named params.
import type { Lang } from './types.js';

export interface Message {
  zh: string;
  en: string;
}

export type Params = Record<string, string | number | undefined>;

export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined ? whole : String(value);
  });
}

export function say(message: Message, lang: Lang, params?: Params): string {
  return fill(message[lang], params);
}

export function parseLang(value: string | undefined): Lang {
  if (value === undefined) return 'zh';
  const v = value.toLowerCase();
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_')) return 'en';
  return 'zh';
}
