// The browser host: the built renderer over HTTP and the typed API over a WebSocket on `/api`,
// both on one port. Binds 127.0.0.1 unless told otherwise; elsewhere it asks for a login.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { API_SOCKET_PATH } from '../../shared/api/wire';
import type { Api } from '../api/create-api';
import { serveApiSocket } from './api-socket';
import { serveStatic } from './static-files';
import { createWebAuth, isLoopback } from './web-auth';

export interface WebHostOptions {
  api: Api;
  /** out/renderer of `electron-vite build`. */
  rendererDir: string;
  host?: string;
  /** 0 = any free port. */
  port?: number;
  /** The login password when bound to a non-loopback address (the console's token). */
  loginSecret: () => string | null;
  log?: (msg: string) => void;
}

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Like the Electron window's: scripts only from here; tiles may come from any https/http host. */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Leaflet positions tiles and markers with inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" (sandboxed frames, files) or garbage: not us
  }
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const log = opts.log ?? (() => {});
  const host = opts.host ?? '127.0.0.1';
  const auth = createWebAuth({ required: !isLoopback(host), secret: opts.loginSecret });
  if (auth.required && opts.loginSecret() === null) {
    throw new Error(`Bound to ${host}, the console needs a login, but no token is configured (pass --token)`);
  }
  const server = http.createServer((req, res) => {
    if (!auth.check(req, res)) return;
    const headers: Record<string, string> = {
      'Content-Security-Policy': WEB_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    const cookie = auth.sessionCookie(req);
    if (cookie) headers['Set-Cookie'] = cookie;
    serveStatic(opts.rendererDir, req, res, headers);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const stopEvents = serveApiSocket(wss, opts.api, log);

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    // Another site open in the same browser must not drive this console (cross-site WebSocket).
    const origin = req.headers.origin;
    const sameOrigin = origin === undefined || originHost(origin) === req.headers.host;
    if (url.pathname !== API_SOCKET_PATH || !sameOrigin || !auth.check(req, null)) {
      socket.write(`HTTP/1.1 ${url.pathname !== API_SOCKET_PATH ? '404 Not Found' : sameOrigin ? '401 Unauthorized' : '403 Forbidden'}\r\nConnection: close\r\n\r\n`);
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    async close() {
      stopEvents();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // keep-alive sockets would hold close() open
      await closed;
    },
  };
}
