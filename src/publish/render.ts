// One government's files rendered from a plain description (RenderSpec) that can cross to a worker thread, and the pool
// of render workers a large workspace build spreads its governments over.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { compiledWorker } from '../check/parallel.js';
import { relativeTo } from '../io/files.js';
import type { ChannelVocabulary } from '../load/channels.js';
import { GkError, type GkErrorKind } from '../model/errors.js';
import type { Lang, ResolvedCatalog } from '../model/types.js';
import { buildOutputs, type OutputFormat } from './site.js';
import type { SiteTemplates, TemplateSet } from './templates.js';
import type { Related } from './workspace-index.js';

/** Everything but the catalog and the compiled templates that a government's files depend on: plain data. */
export interface RenderSpec {
  formats: OutputFormat[];
  /** prefix of links between its pages ('' relative) */
  baseUrl: string;
  /** the government's folder, and the folder the catalog's file names are relative to */
  root: string;
  cwd: string;
  showCoverage: boolean;
  sources: Array<{ file: string; text: string }>;
  related?: Related;
  assets?: { href: string; write: boolean };
  generator: string;
  provenance: boolean;
  domainCsv: boolean;
  date?: string;
}

export interface Rendered {
  /** relative path, bytes, and their hash when a worker computed it */
  files: Array<[string, string | Uint8Array, string?]>;
}

export async function renderGovernment(
  catalog: ResolvedCatalog,
  spec: RenderSpec,
  templates: SiteTemplates,
  channels: ChannelVocabulary,
  onProgress?: (stage: OutputFormat, done: number, total: number) => void,
): Promise<Rendered> {
  const files = await buildOutputs(catalog, {
    formats: new Set(spec.formats),
    baseUrl: spec.baseUrl,
    templates,
    showCoverage: spec.showCoverage,
    catalogPath: (file) => relativeTo(spec.root, path.resolve(spec.cwd, file)),
    sources: spec.sources,
    ...(spec.related ? { related: spec.related } : {}),
    ...(spec.assets ? { assets: spec.assets } : {}),
    channels,
    generator: spec.generator,
    provenance: spec.provenance,
    domainCsv: spec.domainCsv,
    ...(spec.date !== undefined ? { date: spec.date } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  return { files: [...files] };
}

/** What a render worker starts with: the templates, compiled once per thread. */
export interface RenderWorkerData {
  templates: TemplateSet;
  lang: Lang;
}

export interface RenderJob {
  id: number;
  catalog: ResolvedCatalog;
  spec: RenderSpec;
}

export type RenderReply = { id: number; files: Array<[string, Uint8Array, string]> } | { id: number; error: { kind: GkErrorKind; message: string } };

/**
 * Worker threads rendering governments: each loads gk's modules and compiles the templates once, then renders the
 * catalogs it is sent one after another, and sends each government's files back as bytes (moved, not copied).
 */
export class RenderPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: RenderJob[] = [];
  private readonly waiting = new Map<number, { resolve: (r: Rendered) => void; reject: (e: unknown) => void }>();
  private next = 0;
  private broken: unknown;

  private constructor(file: string, size: number, data: RenderWorkerData) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(file, { workerData: data });
      worker.on('message', (reply: RenderReply) => this.settle(worker, reply));
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new GkError('internal', `render worker exited with code ${code}`));
      });
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  /** A pool of `size` workers, or undefined when there is no compiled worker (running from the TypeScript sources). */
  static start(size: number, data: RenderWorkerData): RenderPool | undefined {
    const file = compiledWorker(new URL('./render-worker.js', import.meta.url));
    return file !== undefined && size > 0 ? new RenderPool(file, size, data) : undefined;
  }

  get size(): number {
    return this.all.length;
  }

  render(catalog: ResolvedCatalog, spec: RenderSpec): Promise<Rendered> {
    if (this.broken !== undefined) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      const id = this.next++;
      this.waiting.set(id, { resolve, reject });
      this.queue.push({ id, catalog, spec });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) this.idle.pop()!.postMessage(this.queue.shift()!);
  }

  private settle(worker: Worker, reply: RenderReply): void {
    const waiter = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    this.idle.push(worker);
    this.pump();
    if (!waiter) return;
    if ('error' in reply) waiter.reject(new GkError(reply.error.kind, reply.error.message));
    else waiter.resolve({ files: reply.files });
  }

  private fail(err: unknown): void {
    this.broken ??= err;
    for (const waiter of this.waiting.values()) waiter.reject(err);
    this.waiting.clear();
    this.queue.length = 0;
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
