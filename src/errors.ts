// The one thrown error type: misuse of the CLI or a bug. Problems in catalogs are diagnostics, not errors.

export type GkErrorKind = 'usage' | 'io' | 'internal';

export class GkError extends Error {
  readonly kind: GkErrorKind;
  constructor(kind: GkErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GkError';
    this.kind = kind;
  }
}

export function usageError(message: string): GkError {
  return new GkError('usage', message);
}
