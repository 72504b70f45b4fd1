// Worker thread body of RenderPool: compiles the templates once, then renders each government it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { hashBytes } from '../io/output-dir.js';
import { loadChannelVocabulary } from '../load/channels.js';
import { GkError } from '../model/errors.js';
import { renderGovernment, type RenderJob, type RenderReply, type RenderWorkerData } from './render.js';
import { compileTemplates } from './templates.js';

const { templates, lang } = workerData as RenderWorkerData;
const compiled = compileTemplates(templates, lang);
const channels = loadChannelVocabulary();
const encoder = new TextEncoder();

parentPort!.on('message', (job: RenderJob) => {
  renderGovernment(job.catalog, job.spec, compiled, channels).then(
    ({ files }) => {
      // Each file in a buffer of its own, so it can be moved to the main thread (a Buffer may share a pooled one).
      // Hashed here for the stamp, so the main thread, which writes every file, does not read them all again.
      const out: Array<[string, Uint8Array, string]> = files.map(([rel, data]) => {
        const bytes = typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data);
        return [rel, bytes, hashBytes(bytes)];
      });
      const reply: RenderReply = { id: job.id, files: out };
      parentPort!.postMessage(reply, out.map(([, bytes]) => bytes.buffer as ArrayBuffer));
    },
    (err: unknown) => {
      const error = err instanceof GkError ? { kind: err.kind, message: err.text(lang) } : { kind: 'internal' as const, message: String((err as Error)?.stack ?? err) };
      parentPort!.postMessage({ id: job.id, error } satisfies RenderReply);
    },
  );
});
