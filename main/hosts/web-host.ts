// The browser host: the built renderer over HTTP and the typed API over a WebSocket on `/api`,
// both on one port. Binds 127.0.0.1 unless told otherwise; elsewhere it asks for a login.
// Answers only the Host names it is bound to (host-names.ts: DNS rebinding), and the /api
// socket only to the page it served (web-auth.ts: the per-run cookie).
import { silentLogger, type Logger } from '../../platform/log/logger';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { API_SOCKET_PATH } from '../../shared/api/wire';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy';
import type { Api } from '../api/create-api';
import { serveApiSocket } from './api-socket';
import { serveStatic } from './static-files';
import { createWebAuth, isLoopback, sessionCookieName } from './web-auth';
import { allowedHostHeaders, hostAllowed } from './host-names';

export interface WebHostOptions {
  api: Api;
  /** out/renderer of `electron-vite build`. */
  rendererDir: string;
  host?: string;
  /** 0 = any free port. */
  port?: number;
  /** The login password when bound to a non-loopback address (the console's token). */
  loginSecret: () => string | null;
  logger?: Logger;
}

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" (sandboxed frames, files) or garbage: not us
  }
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const logger = opts.logger ?? silentLogger();
  const host = opts.host ?? '127.0.0.1';
  // Known once listening (port 0 picks one); no request arrives before that.
  let port = 0;
  let allowedHosts = new Set<string>();
  const auth = createWebAuth({ loginRequired: !isLoopback(host), secret: opts.loginSecret, cookieName: () => sessionCookieName(port) });
  if (auth.loginRequired && opts.loginSecret() === null) {
    throw new Error(`Bound to ${host}, the console needs a login, but no token is configured (pass --token)`);
  }
  const server = http.createServer((req, res) => {
    if (!hostAllowed(allowedHosts, req.headers.host)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Misdirected request: this console answers only the names it is bound to.');
      return;
    }
    if (!auth.checkPage(req, res)) return;
    const headers: Record<string, string> = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    };
    serveStatic(opts.rendererDir, req, res, headers, { 'Set-Cookie': auth.pageCookie() });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const stopEvents = serveApiSocket(wss, opts.api, logger);

  server.on('upgrade', (req, socket, head) => {
    if (!hostAllowed(allowedHosts, req.headers.host)) return refuseUpgrade(socket, '421 Misdirected Request');
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== API_SOCKET_PATH) return refuseUpgrade(socket, '404 Not Found');
    // Another site open in the same browser must not drive this console (cross-site WebSocket).
    const origin = req.headers.origin;
    if (origin !== undefined && originHost(origin)?.toLowerCase() !== req.headers.host?.toLowerCase()) return refuseUpgrade(socket, '403 Forbidden');
    // Only a page this host served holds the per-run cookie.
    if (!auth.checkSocket(req)) return refuseUpgrade(socket, '401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  allowedHosts = allowedHostHeaders(host, port);
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
