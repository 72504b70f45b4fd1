// The preview server of `gk serve`: the site from memory on 127.0.0.1, and a reload signal for open pages.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { OutputFiles } from './site.js';

const EVENTS = '/__gk/events';
const RELOAD_SCRIPT = '/__gk/reload.js';
/** Served only by the preview: listen for rebuilds and reload. The built files never carry it. */
const RELOAD_JS = `new EventSource(${JSON.stringify(EVENTS)}).addEventListener('reload', () => location.reload());\n`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface PreviewServer {
  url: string;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

/** The page as served: the reload script added, and the page's policy widened just enough for it to listen. */
export function injectReload(html: string): string {
  const withPolicy = html.replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*default-src 'none')/, "$1; connect-src 'self'");
  const tag = `<script src="${RELOAD_SCRIPT}"></script>`;
  return withPolicy.includes('</body>') ? withPolicy.replace('</body>', `${tag}\n</body>`) : withPolicy + tag;
}

/** The file a request names: /a/ → a/index.html. Only names the site holds are served; nothing is read from disk. */
export function fileOf(url: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  const name = pathname.replace(/^\/+/, '');
  return name === '' || name.endsWith('/') ? `${name}index.html` : name;
}

export async function startPreviewServer(files: () => OutputFiles, port: number): Promise<PreviewServer> {
  const listeners = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = req.url ?? '/';
    if (url === EVENTS) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': gk\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (url === RELOAD_SCRIPT) {
      res.writeHead(200, { 'Content-Type': TYPES['.js']!, 'Cache-Control': 'no-store' }).end(RELOAD_JS);
      return;
    }
    const name = fileOf(url);
    const data = name === undefined ? undefined : files().get(name);
    if (data === undefined) {
      res.writeHead(404, { 'Content-Type': TYPES['.txt']! }).end('404\n');
      return;
    }
    const type = TYPES[path.extname(name!)] ?? 'application/octet-stream';
    const body = type.startsWith('text/html') && typeof data === 'string' ? injectReload(data) : data;
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the preview is for the person at this machine, never the network.
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    reload() {
      for (const res of listeners) res.write(`event: reload\ndata: ${Date.now()}\n\n`);
    },
    close() {
      for (const res of listeners) res.end();
      listeners.clear();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
