import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/** The types a plain static host sends for the built files (WASM must be application/wasm to stream). */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServedRequest {
  path: string;
  status: number;
}

export interface StaticHost {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Every request the server received, in order, with the status it answered. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

/**
 * A static file host that serves `folder` under `prefix` (e.g. `/courses/ml/kl-lab/`) and nothing
 * else, as a university web server would: no rewrites, 404 elsewhere, and no headers but the
 * content type and those given (a host may add its own, e.g. for cross-origin isolation).
 */
export async function serveFolder(
  folder: string,
  prefix: string,
  headers: Record<string, string> = {},
): Promise<StaticHost> {
  const requests: ServedRequest[] = [];
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    const answer = (status: number, type: string, body: Buffer | string) => {
      requests.push({ path, status });
      response.writeHead(status, { ...headers, 'content-type': type });
      response.end(body);
    };
    if (!path.startsWith(prefix)) return answer(404, 'text/plain', 'not under the prefix');
    const relative = decodeURIComponent(path.slice(prefix.length)) || 'index.html';
    const file = normalize(join(folder, relative));
    if (!file.startsWith(folder + sep)) return answer(404, 'text/plain', 'outside the folder');
    try {
      const body = await readFile(file);
      answer(200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body);
    } catch {
      answer(404, 'text/plain', 'no such file');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // The browser keeps its connections open; they would hold the server past the test.
        server.closeAllConnections();
      }),
  };
}
