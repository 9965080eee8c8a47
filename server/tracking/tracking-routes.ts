// GET /t/<token> (the page), GET /t/<token>/state (its JSON, polled), and the Leaflet files
// it loads. No login: the token is the key, checked for shape before any lookup, and a wrong
// or unknown token gets the same 404 as a malformed one. Expired links answer 410. Every
// request takes a token from the caller's bucket (429 past it), counted in /health.
// The customer opts out with POST /t-api/opt-out (the page's button; the token in the
// X-Tracking-Token header, never the URL) or POST /t/<token>/unsubscribe (a mail program's
// one-click unsubscribe, RFC 8058: the address the e-mail's List-Unsubscribe header gives).
// Both are idempotent; the first records the opt-out on the order's timeline.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isMessageLanguage } from '../../shared/messages/templates';
import type { MessageLanguage } from '../../shared/messages/message-vocabulary';
import { TIMELINE_ORDER_SQL, type CustomerPrefsRow, type DriverRow, type OrderEventRow, type OrderRow, type TrackingLinkRow } from '../../shared/schema';
import type { MarshrutServer } from '../server';
import { readCappedBody } from '../http/capped-body';
import { sendJson } from '../http/router';
import { prefsIdOf } from '../../shared/messages/customer-prefs';
import type { OptOutWay } from '../../shared/messages/message-vocabulary';
import { optOutCustomer } from '../messages/customer-opt-out';
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
  /** Customers who opted out (first time), asked again (nothing changed), and refused requests. */
  optedOut: number;
  optOutRepeated: number;
  optOutRefused: number;
}

/** The header the page's button sends the token in. */
export const OPT_OUT_HEADER = 'x-tracking-token';
/** An opt-out request carries nothing worth more than this. */
const OPT_OUT_MAX_BYTES = 1024;

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
  const events = sqlite.prepare<[string], Record<string, unknown>>(`SELECT * FROM order_events WHERE order_id = ? AND kind = 'status' ORDER BY ${TIMELINE_ORDER_SQL}`);
  const limiter = new RateLimiter(opts.perMinute ?? 60, opts.burst ?? 30, opts.clock);
  const counters: TrackingCounters = { pages: 0, states: 0, notFound: 0, expired: 0, rateLimited: 0, optedOut: 0, optOutRepeated: 0, optOutRefused: 0 };
  const assets = { js: readAsset('leaflet/dist/leaflet.js'), css: readAsset('leaflet/dist/leaflet.css') };
  const tileOrigin = opts.tileUrl === null ? '' : (() => {
    try {
      return new URL(opts.tileUrl.replace(/\{[a-z]\}/g, 'a')).origin;
    } catch {
      return '';
    }
  })();

  type Found = { kind: 'ok'; link: TrackingLinkRow; order: OrderRow; language: MessageLanguage; optedOut: boolean } | { kind: 'missing'; language: MessageLanguage } | { kind: 'expired'; language: MessageLanguage };

  const find = (req: IncomingMessage, token: string, query: URLSearchParams): Found => {
    const fallback = pickLanguage(req, query, undefined);
    if (!TOKEN_PATTERN.test(token)) return { kind: 'missing', language: fallback };
    const record = byToken.get(token);
    if (record === undefined) return { kind: 'missing', language: fallback };
    const link = tables.tracking_links.codec.fromRecord(record) as TrackingLinkRow;
    const orderRecord = tables.orders.getById.get(link.id);
    if (orderRecord === undefined) return { kind: 'missing', language: fallback };
    const order = tables.orders.codec.fromRecord(orderRecord) as OrderRow;
    const prefsRecord = tables.customer_prefs.getById.get(prefsIdOf(order));
    const prefs = prefsRecord === undefined ? undefined : (tables.customer_prefs.codec.fromRecord(prefsRecord) as CustomerPrefsRow);
    const language = pickLanguage(req, query, prefs);
    if (link.expiresAt !== null && opts.clock() > link.expiresAt) return { kind: 'expired', language };
    return { kind: 'ok', link, order, language, optedOut: prefs?.optOut === true };
  };

  const view = ({ order, language, optedOut }: { order: OrderRow; language: MessageLanguage; optedOut: boolean }): TrackingView => {
    const now = opts.clock();
    const driverRecord = order.driverId === null ? undefined : tables.drivers.getById.get(order.driverId);
    const driver = driverRecord === undefined ? null : (tables.drivers.codec.fromRecord(driverRecord) as DriverRow);
    const position = order.driverId === null ? null : opts.arrival.driverPosition(order.driverId);
    const timeline = events.all(order.id).map((r) => tables.order_events.codec.fromRecord(r) as OrderEventRow);
    return trackingView(order, timeline, driver?.name ?? null, position, opts.arrival.predict(order, now), language, now, optedOut);
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
      sendPage(res, 200, renderTrackingPage(view(found), found.link.token, nonce, opts.tileUrl), csp);
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
      sendJson(res, 200, view(found));
    },
  });

  /**
   * One opt-out request: rate-limited like the page, a small body checked by `bodyOk`, the token
   * found as the page finds it. A refusal names the field and changes nothing.
   */
  const optOut = async (req: IncomingMessage, res: ServerResponse, token: string | undefined, way: OptOutWay, field: string, bodyOk: (body: string) => boolean, bodyField: string) => {
    if (limited(req, res)) return;
    const refuse = (status: number, error: string, f: string, message: string) => {
      counters.optOutRefused++;
      sendJson(res, status, { error, field: f, message });
    };
    const raw = await readCappedBody(req, OPT_OUT_MAX_BYTES);
    if (raw === null) return refuse(413, 'too_large', 'body', `The request body is larger than ${OPT_OUT_MAX_BYTES} bytes`);
    const body = raw.toString('utf8');
    if (!bodyOk(body)) return refuse(400, 'bad_request', bodyField, `Unexpected ${bodyField}`);
    if (token === undefined || token === '') return refuse(400, 'bad_request', field, `The tracking token is missing (${field})`);
    const found = find(req, token, new URLSearchParams());
    if (found.kind === 'missing') return refuse(404, 'not_found', field, 'No such tracking link');
    if (found.kind === 'expired') return refuse(410, 'expired', field, 'This tracking link has expired');
    let changed = false;
    server.engine.writeRows((tx) => {
      changed = optOutCustomer(tx, found.order, way, opts.clock());
    });
    if (changed) counters.optedOut++;
    else counters.optOutRepeated++;
    res.setHeader('cache-control', 'no-store');
    sendJson(res, 200, { optedOut: true, changed });
  };

  server.addRoute({
    method: 'POST',
    path: '/t-api/opt-out',
    auth: 'none',
    async handler({ req, res }) {
      const header = req.headers[OPT_OUT_HEADER];
      // Two X-Tracking-Token headers arrive joined or as an array: neither is one token.
      const token = typeof header === 'string' && !header.includes(',') ? header.trim() : header === undefined ? undefined : '\u0000';
      await optOut(req, res, token, 'tracking_page', OPT_OUT_HEADER, (b) => b === '' || b.trim() === '{}', 'body');
    },
  });

  server.addRoute({
    method: 'POST',
    path: '/t/:token/unsubscribe',
    auth: 'none',
    async handler({ req, res, params }) {
      // RFC 8058: the mail program posts exactly this form field.
      await optOut(req, res, params['token'], 'email_one_click', 'token', (b) => new URLSearchParams(b).get('List-Unsubscribe') === 'One-Click', 'List-Unsubscribe');
    },
  });

  // An older mail program opens the List-Unsubscribe address in a browser: the page, at its button.
  server.addRoute({
    method: 'GET',
    path: '/t/:token/unsubscribe',
    auth: 'none',
    handler({ req, res, params }) {
      if (limited(req, res)) return;
      const token = params['token'] ?? '';
      if (!TOKEN_PATTERN.test(token)) {
        counters.notFound++;
        return sendJson(res, 404, { error: 'not_found', message: 'No such tracking link' });
      }
      res.writeHead(303, { location: `/t/${token}#unsubscribe`, 'cache-control': 'no-store' });
      res.end();
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
