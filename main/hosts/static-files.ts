// Serves the built renderer (out/renderer) read-only: known files by path, index.html for the
// app's own routes. Paths are resolved inside the root so "../" can't escape it.
import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
};

export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return full === root || full.startsWith(root + path.sep) ? full : null;
}

/** `pageHeaders` go on HTML pages only (the per-run cookie is set by the page, not by assets). */
export function serveStatic(
  root: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  headers: Record<string, string>,
  pageHeaders: Record<string, string> = {},
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const absRoot = path.resolve(root);
  let file = resolveInside(absRoot, req.url ?? '/');
  if (file === null) {
    res.writeHead(400).end('bad path');
    return;
  }
  let stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    file = path.join(file, 'index.html');
    stat = fs.statSync(file, { throwIfNoEntry: false });
  }
  // Client-side routes (no extension) get the app; a missing asset is a real 404.
  if (!stat && path.extname(file) === '') {
    file = path.join(absRoot, 'index.html');
    stat = fs.statSync(file, { throwIfNoEntry: false });
  }
  if (!stat || !stat.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  const ext = path.extname(file);
  res.writeHead(200, {
    ...headers,
    ...(ext === '.html' ? pageHeaders : {}),
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': String(stat.size),
    // Hashed assets can be cached; index.html must be re-read after a rebuild.
    'Cache-Control': ext === '.html' ? 'no-cache' : 'public, max-age=3600',
  });
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(file).pipe(res);
}
