#!/usr/bin/env node
// A small static file server on 127.0.0.1 for the demo pages (used by `npm start`).
//
//   node scripts/serve-demo.mjs [--port N] [FOLDER]     serves FOLDER (default: demo/) until Ctrl-C
//
// Only GET and HEAD; a directory serves its index.html; anything missing or outside the folder
// is a 404.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Serves `root` (relative to the project root unless absolute) on 127.0.0.1.
 * `port` 0 picks a free port; if the asked port is taken, a free one is used instead.
 * Returns { origin, root, url(path), close() }.
 */
export async function startStaticServer(root = 'demo', { port = 0 } = {}) {
  const rootAbs = path.resolve(PROJECT_ROOT, root);
  const server = createServer((req, res) => {
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD' });
      res.end('Method not allowed\n');
      return;
    }
    void (async () => {
      let rel;
      try {
        rel = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      } catch {
        return notFound();
      }
      if (rel.includes('\0')) return notFound();
      let file = path.resolve(rootAbs, '.' + path.posix.normalize('/' + rel));
      if (file !== rootAbs && !file.startsWith(rootAbs + path.sep)) return notFound();
      try {
        let info = await stat(file);
        if (info.isDirectory()) {
          file = path.join(file, 'index.html');
          info = await stat(file);
        }
        if (!info.isFile()) return notFound();
        const body = await readFile(file);
        res.writeHead(200, {
          'content-type': contentTypeFor(file),
          'content-length': body.length,
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        notFound();
      }
    })();
  });
  const listen = (p) =>
    new Promise((resolve, reject) => {
      const onError = (err) => reject(err);
      server.once('error', onError);
      server.listen(p, '127.0.0.1', () => {
        server.off('error', onError);
        resolve();
      });
    });
  try {
    await listen(port);
  } catch (err) {
    if (port === 0 || err.code !== 'EADDRINUSE') throw err;
    await listen(0);
  }
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    root: rootAbs,
    url: (p) => `${origin}/${String(p).replace(/^\/+/, '')}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// Command line use.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  let port = 0;
  let root = 'demo';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--port') port = Number(args[++i]);
    else if (args[i].startsWith('--port=')) port = Number(args[i].slice(7));
    else root = args[i];
  }
  const server = await startStaticServer(root, { port });
  console.log(`Serving ${server.root} at ${server.origin}/ (Ctrl-C to stop)`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
