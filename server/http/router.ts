// A tiny HTTP router: routes by method and path pattern (`/api/orders/:number`), with the
// bearer-token check in front. Other server modules mount their routes through addRoute
// (e.g. GPS ingest and courier webhooks, which authenticate their own way: auth 'none').
// Tokens come from the Authorization header only: a `?token=` lands in proxy logs and
// browser history. The two places a client cannot send a header (the WebSocket upgrade from
// a browser, a provider webhook that only takes a URL) read the query themselves.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SessionUser } from '../../shared/protocol';
import type { Logger } from '../../platform/log/logger';
import { readCappedBody } from './capped-body';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The authenticated user; null only on routes with auth 'none'. */
  user: SessionUser | null;
  /** This request's logger: its lines carry the request id. */
  log: Logger;
}

export interface Route {
  method: HttpMethod;
  /** Segments; `:name` captures one segment into params. */
  path: string;
  /**
   * 'user' (default): a valid bearer token is required. 'admin': an admin's token (403 for
   * other roles). 'none': the handler checks its own credentials (`user` is still set when a
   * valid header token came along, so a public route can show more to a signed-in caller).
   */
  auth?: 'user' | 'admin' | 'none';
  /** Integration tokens (shops) reach only routes that say so; every other route answers them 403. */
  integration?: boolean;
  handler(ctx: RouteContext): void | Promise<void>;
}

interface CompiledRoute extends Route {
  parts: string[];
}

/** Requests the router itself refused, before any route ran (GET /health -> http). */
export interface RouterRefusals {
  unauthorized: number;
  forbidden: number;
  notFound: number;
  methodNotAllowed: number;
}

export class Router {
  private readonly routes: CompiledRoute[] = [];
  readonly refusals: RouterRefusals = { unauthorized: 0, forbidden: 0, notFound: 0, methodNotAllowed: 0 };

  constructor(private readonly authenticate: (token: string | null) => SessionUser | null) {}

  addRoute(route: Route): void {
    this.routes.push({ ...route, parts: splitPath(route.path) });
  }

  /** Every mounted route's method and path, in mounting order (the OpenAPI document is checked against it). */
  listRoutes(): Array<{ method: HttpMethod; path: string }> {
    return this.routes.map((r) => ({ method: r.method, path: r.path }));
  }

  async handle(req: IncomingMessage, res: ServerResponse, log: Logger): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = splitPath(url.pathname);
    const matches = this.routes
      .map((r) => ({ route: r, params: matchParts(r.parts, parts) }))
      .filter((m): m is { route: CompiledRoute; params: Record<string, string> } => m.params !== null);
    const match = matches.find((m) => m.route.method === req.method);
    const token = headerToken(req);
    let user: SessionUser | null = null;
    // The token is checked before anything else, including whether the path exists.
    if (match?.route.auth !== 'none') {
      user = this.authenticate(token);
      if (user === null) {
        const message =
          token === null && new URL(req.url ?? '/', 'http://localhost').searchParams.has('token')
            ? 'Send the token in the Authorization header (Bearer); ?token= is not accepted here'
            : 'A valid bearer token is required';
        this.refusals.unauthorized++;
        return sendJson(res, 401, { error: 'unauthorized', message });
      }
      if (match?.route.auth === 'admin' && user.role !== 'admin') {
        this.refusals.forbidden++;
        return sendJson(res, 403, { error: 'forbidden', message: 'This needs an admin token' });
      }
    } else if (token !== null) {
      user = this.authenticate(token);
    }
    if (match === undefined) {
      if (matches.length > 0) {
        this.refusals.methodNotAllowed++;
        return sendJson(res, 405, { error: 'method_not_allowed', message: `${req.method} is not allowed here` });
      }
      this.refusals.notFound++;
      return sendJson(res, 404, { error: 'not_found', message: `No route ${url.pathname}` });
    }
    if (user?.role === 'integration' && match.route.auth !== 'none' && match.route.integration !== true) {
      this.refusals.forbidden++;
      return sendJson(res, 403, { error: 'forbidden', message: 'An integration token can only use the orders API' });
    }
    await match.route.handler({ req, res, params: match.params, query: url.searchParams, user, log });
  }
}

/** The caller's X-Request-Id when it is a sane token (a proxy's), else a new one. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
}

function splitPath(path: string): string[] {
  return path.split('/').filter((p) => p.length > 0);
}

function matchParts(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const v = parts[i] as string;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(v);
      } catch {
        return null;
      }
    } else if (p !== v) return null;
  }
  return params;
}

/** `Authorization: Bearer TOKEN`; null when absent or malformed. */
export function headerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? (m[1] ?? null) : null;
}

/**
 * The header token, or else `?token=`: only for the WebSocket upgrade, since a browser's
 * WebSocket cannot send headers. A malformed header is not overridden by the query.
 */
export function upgradeToken(req: IncomingMessage): string | null {
  if (typeof req.headers.authorization === 'string') return headerToken(req);
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Reads a JSON body up to `maxBytes`; resolves to a typed failure instead of throwing. */
export async function readJsonBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<{ ok: true; value: unknown } | { ok: false; status: number; message: string }> {
  const body = await readCappedBody(req, maxBytes);
  if (body === null) return { ok: false, status: 413, message: `Body is larger than ${maxBytes} bytes` };
  const text = body.toString('utf8');
  if (text.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, status: 400, message: `Body is not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}
