// One REST call to a test server as a world user (u-dispatcher by default), a raw token, or
// nobody (null): the JSON answer with its status. For server tests only.
import type { TestServer } from './test-server';

export interface RestAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface RestCallOptions {
  /** A world user id, a raw token, or null for no Authorization header. */
  as?: string | null;
  body?: unknown;
  /** Sent as is instead of JSON.stringify(body). */
  raw?: string;
  type?: string;
}

export async function restCall(ts: TestServer, method: string, path: string, opts: RestCallOptions = {}): Promise<RestAnswer> {
  const as = opts.as === undefined ? 'u-dispatcher' : opts.as;
  const headers: Record<string, string> = {};
  if (as !== null) headers['authorization'] = `Bearer ${ts.tokens[as] ?? as}`;
  const text = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  if (text !== undefined) headers['content-type'] = opts.type ?? 'application/json';
  const res = await fetch(`${ts.server.url}${path}`, { method, headers, ...(text === undefined ? {} : { body: text }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The admin's GET /health report, for counters. */
export async function healthOf(ts: TestServer): Promise<Record<string, Record<string, number>>> {
  return (await restCall(ts, 'GET', '/health', { as: 'u-admin' })).body as Record<string, Record<string, number>>;
}
