// GET /t/<token> (the page), GET /t/<token>/state (its JSON, polled), and the Leaflet files
// it loads. No login: the token is the key, checked for shape before any lookup, and a wrong
// or unknown token gets the same 404 as a malformed one. Expired links answer 410. Every
// request takes a token from the caller's bucket (429 past it), counted in /health.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isMessageLanguage } from '../../shared/messages/templates';
import type { MessageLanguage } from '../../shared/messages/message-vocabulary';
import type { CustomerPrefsRow, DriverRow, OrderEventRow, OrderRow, TrackingLinkRow } from '../../shared/schema';
import type { MarshrutServer } from '../server';
import { sendJson } from '../http/router';
import type { ArrivalService } from '../eta/arrival-service';
import { RateLimiter } from './rate-limit';
import { TOKEN_PATTERN } from './tracking-links';
import { renderMessagePage, renderTrackingPage } from './tracking-page';
import { trackingView, type TrackingView } from './tracking-view';

export interface TrackingRoutesOptions {
  arrival: ArrivalService;
  clock: () => number;
  /** Map tiles for the page; null: markers on grey. */
  tileUrl: string | null;
  /** Requests per minute per address (default 60, bursts of 30). */
  perMinute?: number;
  burst?: number;
}

export interface TrackingCounters {
  pages: number;
  states: number;
  notFound: number;
  expired: number;
  rateLimited: number;
}

function pickLanguage(req: IncomingMessage, query: URLSearchParams, prefs: CustomerPrefsRow | undefined): MessageLanguage {
  const asked = query.get('lang');
  if (isMessageLanguage(asked)) return asked;
  if (prefs !== undefined) return prefs.language;
  const accept = String(req.headers['accept-language'] ?? '').toLowerCase();
  for (const part of accept.split(',')) {
    const code = part.trim().slice(0, 2);
    if (isMessageLanguage(code)) return code;
  }
  return 'ru';
}

function clientKey(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

function readAsset(pkgPath: string): Buffer | null {
  try {
    return readFileSync(createRequire(__filename).resolve(pkgPath));
  } catch {
    return null;
  }
}

export function mountTrackingRoutes(server: MarshrutServer, opts: TrackingRoutesOptions): { counters: TrackingCounters; limiter: RateLimiter } {
  const { sqlite, tables } = { sqlite: server.db.sqlite, tables: server.engine.tables };
  const byToken = sqlite.prepare<[string], Record<string, unknown>>('SELECT * FROM tracking_links WHERE token = ?');
  const events = sqlite.prepare<[string], Record<string, unknown>>("SELECT * FROM order_events WHERE order_id = ? AND kind = 'status' ORDER BY at, id");
  const limiter = new RateLimiter(opts.perMinute ?? 60, opts.burst ?? 30, opts.clock);
  const counters: TrackingCounters = { pages: 0, states: 0, notFound: 0, expired: 0, rateLimited: 0 };
  const assets = { js: readAsset('leaflet/dist/leaflet.js'), css: readAsset('leaflet/dist/leaflet.css') };
  const tileOrigin = opts.tileUrl === null ? '' : (() => {
    try {
      return new URL(opts.tileUrl.replace(/\{[a-z]\}/g, 'a')).origin;
    } catch {
      return '';
    }
  })();

  type Found = { kind: 'ok'; link: TrackingLinkRow; order: OrderRow; language: MessageLanguage } | { kind: 'missing'; language: MessageLanguage } | { kind: 'expired'; language: MessageLanguage };

  const find = (req: IncomingMessage, token: string, query: URLSearchParams): Found => {
    const fallback = pickLanguage(req, query, undefined);
    if (!TOKEN_PATTERN.test(token)) return { kind: 'missing', language: fallback };
    const record = byToken.get(token);
    if (record === undefined) return { kind: 'missing', language: fallback };
    const link = tables.tracking_links.codec.fromRecord(record) as TrackingLinkRow;
    const orderRecord = tables.orders.getById.get(link.id);
    if (orderRecord === undefined) return { kind: 'missing', language: fallback };
    const order = tables.orders.codec.fromRecord(orderRecord) as OrderRow;
    const prefsRecord = order.customerId === null ? undefined : tables.customer_prefs.getById.get(order.customerId);
    const prefs = prefsRecord === undefined ? undefined : (tables.customer_prefs.codec.fromRecord(prefsRecord) as CustomerPrefsRow);
    const language = pickLanguage(req, query, prefs);
    if (link.expiresAt !== null && opts.clock() > link.expiresAt) return { kind: 'expired', language };
    return { kind: 'ok', link, order, language };
  };

  const view = (order: OrderRow, language: MessageLanguage): TrackingView => {
    const now = opts.clock();
    const driverRecord = order.driverId === null ? undefined : tables.drivers.getById.get(order.driverId);
    const driver = driverRecord === undefined ? null : (tables.drivers.codec.fromRecord(driverRecord) as DriverRow);
    const position = order.driverId === null ? null : opts.arrival.driverPosition(order.driverId);
    const timeline = events.all(order.id).map((r) => tables.order_events.codec.fromRecord(r) as OrderEventRow);
    return trackingView(order, timeline, driver?.name ?? null, position, opts.arrival.predict(order, now), language, now);
  };

  const limited = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (limiter.take(clientKey(req))) return false;
    counters.rateLimited++;
    res.writeHead(429, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '30' });
    res.end('Too many requests');
    return true;
  };

  const sendPage = (res: ServerResponse, status: number, html: string, csp: string): void => {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
    res.end(html);
  };

  server.addRoute({
    method: 'GET',
    path: '/t/:token',
    auth: 'none',
    handler({ req, res, params, query }) {
      if (limited(req, res)) return;
      const found = find(req, params['token'] ?? '', query);
      const plainCsp = "default-src 'none'; style-src 'unsafe-inline'";
      if (found.kind === 'missing') {
        counters.notFound++;
        return sendPage(res, 404, renderMessagePage(found.language, 'notFound', 404), plainCsp);
      }
      if (found.kind === 'expired') {
        counters.expired++;
        return sendPage(res, 410, renderMessagePage(found.language, 'expired', 410), plainCsp);
      }
      counters.pages++;
      const nonce = randomBytes(16).toString('base64');
      const csp = `default-src 'none'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'nonce-${nonce}'; img-src 'self' data: ${tileOrigin}; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
      sendPage(res, 200, renderTrackingPage(view(found.order, found.language), found.link.token, nonce, opts.tileUrl), csp);
    },
  });

  server.addRoute({
    method: 'GET',
    path: '/t/:token/state',
    auth: 'none',
    handler({ req, res, params, query }) {
      if (limited(req, res)) return;
      const found = find(req, params['token'] ?? '', query);
      if (found.kind === 'missing') {
        counters.notFound++;
        return sendJson(res, 404, { error: 'not_found', message: 'No such tracking link' });
      }
      if (found.kind === 'expired') {
        counters.expired++;
        return sendJson(res, 410, { error: 'expired', message: 'This tracking link has expired' });
      }
      counters.states++;
      res.setHeader('cache-control', 'no-store');
      sendJson(res, 200, view(found.order, found.language));
    },
  });

  for (const [name, body, type] of [
    ['leaflet.js', assets.js, 'text/javascript; charset=utf-8'],
    ['leaflet.css', assets.css, 'text/css; charset=utf-8'],
  ] as const) {
    server.addRoute({
      method: 'GET',
      path: `/t-assets/${name}`,
      auth: 'none',
      handler({ res }) {
        if (body === null) return sendJson(res, 404, { error: 'not_found', message: `${name} is not installed` });
        res.writeHead(200, { 'content-type': type, 'cache-control': 'public, max-age=86400', 'content-length': body.length });
        res.end(body);
      },
    });
  }
  return { counters, limiter };
}
