// HTTP plumbing of the phone API: the device token check, rate limits, bounded bodies and
// the one error shape ({error, message, field}). Every refusal is counted in /health.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { DriverErrorBody } from '../../shared/driver-phone/driver-wire';
import { readCappedBody } from '../http/capped-body';
import { headerToken, sendJson } from '../http/router';
import type { DeviceIdentity, DriverAccess } from './driver-access';
import type { RateLimiter } from './rate-limit';

export interface DriverCounters {
  signIns: number;
  signInsRefused: number;
  unauthorized: number;
  rateLimited: number;
  badRequests: number;
  notYourOrder: number;
  marksApplied: number;
  marksRejected: number;
  replays: number;
  filesStored: number;
  filesRefused: number;
  positions: number;
  shiftChanges: number;
}

export function newDriverCounters(): DriverCounters {
  return {
    signIns: 0,
    signInsRefused: 0,
    unauthorized: 0,
    rateLimited: 0,
    badRequests: 0,
    notYourOrder: 0,
    marksApplied: 0,
    marksRejected: 0,
    replays: 0,
    filesStored: 0,
    filesRefused: 0,
    positions: 0,
    shiftChanges: 0,
  };
}

export function sendError(res: ServerResponse, status: number, body: DriverErrorBody, headers: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  sendJson(res, status, body);
}

export class BadRequest extends Error {
  constructor(
    readonly status: number,
    readonly body: DriverErrorBody,
  ) {
    super(body.message);
  }
}

/** Parses with the wire schema; the first issue names the field. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  throw new BadRequest(400, {
    error: 'bad_request',
    field: field === '' ? 'body' : field,
    message: `${field === '' ? 'body' : field}: ${issue?.message ?? 'invalid'}`,
  });
}

/** A mark's or fix's own time: at most a minute ahead of the server, at most a week old. */
export function checkEventTime(at: number, now: number, field = 'at'): number {
  if (at > now + 60_000) throw new BadRequest(400, { error: 'bad_request', field, message: `${field}: the time is in the future` });
  if (at < now - 7 * 24 * 3_600_000) throw new BadRequest(400, { error: 'bad_request', field, message: `${field}: the time is more than a week old` });
  return Math.min(at, now);
}

export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  const tooLarge = (): BadRequest => new BadRequest(413, { error: 'too_large', field: 'body', message: `The body is larger than ${maxBytes} bytes` });
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume(); // drain, so the answer reaches the phone
    throw tooLarge();
  }
  const body = await readCappedBody(req, maxBytes);
  if (body === null) throw tooLarge();
  return body;
}

export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const text = (await readBody(req, maxBytes)).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new BadRequest(400, { error: 'bad_request', field: 'body', message: 'body: not valid JSON' });
  }
  if (unsafe(value, 0)) throw new BadRequest(400, { error: 'bad_request', field: 'body', message: 'body: NUL characters and nesting deeper than 8 levels are not allowed' });
  return value;
}

/** NUL in any key or string (escaped as \u0000 in the JSON text), or nesting past 8 levels. */
function unsafe(v: unknown, depth: number): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (typeof v !== 'object' || v === null) return false;
  if (depth > 8) return true;
  for (const [k, x] of Object.entries(v)) if (k.includes('\u0000') || unsafe(x, depth + 1)) return true;
  return false;
}

export interface DeviceGate {
  access: DriverAccess;
  limiter: RateLimiter;
  counters: DriverCounters;
}

/** The phone behind the request, after its rate limit; throws the 401/429 answer otherwise. */
export function requireDevice(gate: DeviceGate, req: IncomingMessage): DeviceIdentity {
  const device = gate.access.authenticate(headerToken(req));
  if (device === null) {
    gate.counters.unauthorized++;
    throw new BadRequest(401, { error: 'unauthorized', message: 'This phone is not signed in (or was signed out): ask the dispatcher for a new link' });
  }
  limit(gate, `device:${device.deviceId}`);
  return device;
}

export function limit(gate: Pick<DeviceGate, 'limiter' | 'counters'>, key: string): void {
  const d = gate.limiter.take(key);
  if (!d.ok) {
    gate.counters.rateLimited++;
    throw new BadRequest(429, { error: 'rate_limited', message: 'Too many requests; try again shortly', details: { retryAfterMs: d.retryAfterMs } });
  }
}

/** Runs a handler, turning BadRequest into its answer (and counting the 400s). */
export async function answer(res: ServerResponse, counters: DriverCounters, fn: () => Promise<void> | void): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (!(e instanceof BadRequest)) throw e;
    if (e.status === 400 || e.status === 413) counters.badRequests++;
    const retry = e.body.details?.['retryAfterMs'];
    sendError(res, e.status, e.body, typeof retry === 'number' ? { 'retry-after': String(Math.max(1, Math.ceil(retry / 1000))) } : {});
  }
}
