// The simulator's CDEK: a small HTTP server speaking CDEK's order API v2 as documented
// (https://api.cdek.ru/v2), so the server's real client can be run and tested without the
// internet. It checks what CDEK checks first (credentials, the bearer token, required fields)
// and answers in CDEK's shapes; registration is asynchronous as at CDEK: the CDEK number
// appears on a later GET /v2/orders/{uuid}.
//   POST /v2/oauth/token   (form) grant_type=client_credentials, client_id, client_secret
//   POST /v2/orders        (JSON, Bearer) -> 202 {entity: {uuid}, requests: [{state: ACCEPTED}]}
//   GET  /v2/orders/{uuid} (Bearer) -> {entity: {uuid, number, cdek_number?}, requests: [...]}
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CdekStandInOptions {
  clientId: string;
  clientSecret: string;
  /** Seconds a token lives (CDEK: 3600). */
  tokenSeconds?: number;
  /** How many GETs of a new order answer "still processing" before its CDEK number appears. */
  numberAfterGets?: number;
  clock?: () => number;
}

export interface CdekStandInOrder {
  uuid: string;
  number: string | null;
  cdekNumber: string | null;
  body: Record<string, unknown>;
  gets: number;
}

export interface CdekStandIn {
  url: string;
  orders: CdekStandInOrder[];
  /** Requests seen, for tests: "POST /v2/orders 202". */
  log: string[];
  /** The next `count` API calls (not token requests) answer this status, as an outage would. */
  failNext(status: number, count?: number): void;
  /** Forgets every token issued, as if they expired. */
  expireTokens(): void;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

export async function startCdekStandIn(opts: CdekStandInOptions, port = 0, host = '127.0.0.1'): Promise<CdekStandIn> {
  const clock = opts.clock ?? Date.now;
  const tokens = new Map<string, number>();
  const orders: CdekStandInOrder[] = [];
  const log: string[] = [];
  let failing: { status: number; count: number } | null = null;
  let nextNumber = 1_106_300_000 + Math.floor(Math.random() * 90_000);

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, { errors: [{ code: 'v2_internal_error', message: 'internal error' }] }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://cdek.local');
    const body = await readBody(req);
    const answer = (status: number, json: unknown) => {
      log.push(`${req.method} ${url.pathname} ${status}`);
      send(res, status, json);
    };
    if (body === null) return answer(413, { errors: [{ code: 'v2_request_too_large', message: 'request body too large' }] });

    if (req.method === 'POST' && url.pathname === '/v2/oauth/token') {
      const form = new URLSearchParams(body);
      if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        return answer(400, { error: 'invalid_request', error_description: 'form parameters expected' });
      }
      if (form.get('grant_type') !== 'client_credentials') return answer(400, { error: 'unsupported_grant_type' });
      if (form.get('client_id') !== opts.clientId || form.get('client_secret') !== opts.clientSecret) {
        return answer(401, { error: 'invalid_client', error_description: 'Bad client credentials' });
      }
      const token = randomBytes(24).toString('base64url');
      const seconds = opts.tokenSeconds ?? 3600;
      tokens.set(token, clock() + seconds * 1000);
      return answer(200, { access_token: token, token_type: 'bearer', expires_in: seconds, scope: 'order:all payment:all', jti: randomUUID() });
    }

    if (!url.pathname.startsWith('/v2/orders')) return answer(404, { errors: [{ code: 'v2_not_found', message: 'not found' }] });
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const until = bearer === undefined ? undefined : tokens.get(bearer);
    if (until === undefined || until <= clock()) {
      return answer(401, { requests: [{ type: 'AUTH', state: 'INVALID', errors: [{ code: 'v2_token_expired', message: 'token is invalid or expired' }] }] });
    }
    if (failing !== null && failing.count > 0) {
      failing.count--;
      return answer(failing.status, { errors: [{ code: 'v2_internal_error', message: 'service temporarily unavailable' }] });
    }

    if (req.method === 'POST' && url.pathname === '/v2/orders') {
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return answer(400, { requests: [{ type: 'CREATE', state: 'INVALID', errors: [{ code: 'v2_bad_request', message: 'body is not JSON' }] }] });
      }
      const missing = missingFields(json);
      if (missing.length > 0) {
        return answer(400, {
          requests: [{ type: 'CREATE', state: 'INVALID', date_time: cdekTime(clock()), errors: missing.map((f) => ({ code: 'v2_field_is_empty', message: `Field is empty: ${f}` })) }],
        });
      }
      const o = json as Record<string, unknown>;
      const order: CdekStandInOrder = { uuid: randomUUID(), number: typeof o['number'] === 'string' ? o['number'] : null, cdekNumber: null, body: o, gets: 0 };
      orders.push(order);
      return answer(202, {
        entity: { uuid: order.uuid },
        requests: [{ request_uuid: randomUUID(), type: 'CREATE', date_time: cdekTime(clock()), state: 'ACCEPTED', errors: [], warnings: [] }],
      });
    }

    const m = /^\/v2\/orders\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (req.method === 'GET' && m !== null) {
      const order = orders.find((x) => x.uuid === m[1]);
      if (order === undefined) return answer(404, { requests: [{ type: 'GET', state: 'INVALID', errors: [{ code: 'v2_entity_not_found', message: 'order not found' }] }] });
      order.gets++;
      if (order.cdekNumber === null && order.gets > (opts.numberAfterGets ?? 1)) order.cdekNumber = String(nextNumber++);
      return answer(200, {
        entity: { uuid: order.uuid, number: order.number, ...(order.cdekNumber === null ? {} : { cdek_number: order.cdekNumber }), tariff_code: order.body['tariff_code'] },
        requests: [{ type: 'CREATE', state: order.cdekNumber === null ? 'ACCEPTED' : 'SUCCESSFUL', date_time: cdekTime(clock()), errors: [] }],
      });
    }
    return answer(405, { errors: [{ code: 'v2_method_not_allowed', message: `${req.method ?? ''} not allowed` }] });
  }

  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${bound}`,
    orders,
    log,
    failNext(status, count = 1) {
      failing = { status, count };
    },
    expireTokens() {
      tokens.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What CDEK refuses a registration for: the fields it requires, by their paths. */
function missingFields(json: unknown): string[] {
  const o = (json ?? {}) as Record<string, unknown>;
  const out: string[] = [];
  const obj = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null);
  if (typeof o['tariff_code'] !== 'number') out.push('tariff_code');
  const recipient = obj(o['recipient']);
  if (typeof recipient?.['name'] !== 'string' || recipient['name'] === '') out.push('recipient.name');
  const phones = Array.isArray(recipient?.['phones']) ? (recipient['phones'] as unknown[]) : [];
  if (phones.length === 0 || typeof obj(phones[0])?.['number'] !== 'string' || obj(phones[0])?.['number'] === '') out.push('recipient.phones');
  const to = obj(o['to_location']);
  if (typeof to?.['address'] !== 'string' || to['address'] === '') out.push('to_location.address');
  if (obj(o['from_location']) === null && typeof o['shipment_point'] !== 'string') out.push('from_location');
  const packages = Array.isArray(o['packages']) ? (o['packages'] as unknown[]) : [];
  if (packages.length === 0) out.push('packages');
  packages.forEach((p, i) => {
    const w = obj(p)?.['weight'];
    if (typeof w !== 'number' || !Number.isInteger(w) || w <= 0) out.push(`packages[${i}].weight`);
  });
  return out;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

function send(res: ServerResponse, status: number, json: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(json));
}

/** CDEK's time format: local time with a +hhmm offset (UTC here). */
function cdekTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}
