// Serves the built phone page (vite.phone.config.mts -> out/driver) at /driver: index.html,
// the service worker (scope /driver/), the manifest and hashed assets. Only files found in
// the build folder at start are served, by exact name: no path from a request reaches the
// file system.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { DRIVER_PAGE_PATH } from '../../shared/driver-phone/driver-wire';
import type { ServerResponse } from 'node:http';
import { sendJson, type Route } from '../http/router';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'";

export function driverPageRoutes(pageDir: string): Route[] {
  const files = new Map<string, { type: string; body: Buffer; immutable: boolean }>();
  const load = (dir: string, prefix: string, immutable: boolean): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const type = TYPES[extname(entry.name)];
      if (type !== undefined) files.set(prefix + entry.name, { type, body: readFileSync(join(dir, entry.name)), immutable });
    }
  };
  load(pageDir, '', false);
  load(join(pageDir, 'assets'), 'assets/', true);

  const serve = (name: string, res: ServerResponse): void => {
    const f = files.get(name);
    if (f === undefined) {
      if (name === 'index.html') return sendJson(res, 503, { error: 'not_built', message: "The driver page is not built: run 'npm run build'" });
      return sendJson(res, 404, { error: 'not_found', message: 'No such file' });
    }
    res.writeHead(200, {
      'content-type': f.type,
      'content-length': f.body.length,
      // Hashed assets never change; the page, worker and manifest must be re-checked.
      'cache-control': f.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'content-security-policy': CSP,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      ...(name === 'sw.js' ? { 'service-worker-allowed': `${DRIVER_PAGE_PATH}/` } : {}),
    });
    res.end(f.body);
  };
  return [
    { method: 'GET', path: DRIVER_PAGE_PATH, auth: 'none', handler: ({ res }) => serve('index.html', res) },
    { method: 'GET', path: `${DRIVER_PAGE_PATH}/:file`, auth: 'none', handler: ({ res, params }) => serve(params['file'] === '' ? 'index.html' : (params['file'] ?? ''), res) },
    { method: 'GET', path: `${DRIVER_PAGE_PATH}/assets/:file`, auth: 'none', handler: ({ res, params }) => serve(`assets/${params['file'] ?? ''}`, res) },
  ];
}
