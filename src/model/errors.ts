// The one thrown error type: misuse of the CLI, an unreadable path, or a bug. Problems in catalogs are diagnostics.
import { say, type Message, type Params } from './i18n.js';
import type { Lang } from './types.js';

export type GkErrorKind = 'usage' | 'io' | 'internal';

export class GkError extends Error {
  readonly kind: GkErrorKind;
  private readonly localized?: { message: Message; params: Params };

  /** A bilingual message is printed in the user's language; a plain string as it is. */
  constructor(kind: GkErrorKind, message: string | Message, options?: { cause?: unknown; params?: Params }) {
    super(typeof message === 'string' ? message : say(message, 'en', options?.params), { cause: options?.cause });
    this.name = 'GkError';
    this.kind = kind;
    if (typeof message !== 'string') this.localized = { message, params: options?.params ?? {} };
  }

  text(lang: Lang): string {
    return this.localized ? say(this.localized.message, lang, this.localized.params) : this.message;
  }
}

export function usageError(message: string | Message, params?: Params): GkError {
  return new GkError('usage', message, { params });
}

export const IO_MESSAGES = {
  read: { zh: '无法读取 {path}：{reason}', en: 'cannot read {path}: {reason}' },
  write: { zh: '无法写入 {path}：{reason}', en: 'cannot write {path}: {reason}' },
} satisfies Record<string, Message>;

export function ioError(kind: keyof typeof IO_MESSAGES, path: string, cause: unknown): GkError {
  return new GkError('io', IO_MESSAGES[kind], { cause, params: { path, reason: (cause as Error)?.message ?? String(cause) } });
}
