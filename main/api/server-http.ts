// Calls from main to the central server's REST API with the signed-in user's own token (the
// server checks the role): the driver card's track, the courier providers, drivers' phones,
// admin views, the archive, server-computed reports. The one place that builds a request
// (address, Authorization header, timeout) and maps what can go wrong to a ServerCallError: its
// `kind` says which failure it was, its ApiFailure `code` is what the screen reads. Every answer
// is checked against the shared contract's zod schema the caller names (there is no unchecked
// call), so a wrong answer is a bad_answer, never cast into a view. The token travels in the
// header only.
import type { z } from 'zod';
import type { ApiErrorCode } from '../../shared/api/define';
import type { SettingsStore } from '../settings/settings-store';
import { ApiFailure } from './api-failure';

/** Bodies from the server are small JSON; anything larger is not ours. */
const MAX_ANSWER_BYTES = 2 * 1024 * 1024;
/** A refusal's body only has to carry a sentence. */
const MAX_REFUSAL_BYTES = 64 * 1024;
/** Long enough for a server-computed report of a year; a dispatcher waits no longer than this. */
export const SERVER_TIMEOUT_MS = 30_000;

/** Every way a server call can fail, and what the screen is told (the ApiFailure code). */
const FAILURE_CODES = {
  not_configured: 'unavailable',
  unreachable: 'unavailable',
  timeout: 'unavailable',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  not_found: 'not_found',
  /** 400, 409, 413, 422 and other 4xx: the server refused the request as it was made. */
  rejected: 'invalid_request',
  rate_limited: 'unavailable',
  server_error: 'unavailable',
  /** Not JSON, not in the contract's form, larger than expected, or an unexpected status: not a Marshrut server's answer. */
  bad_answer: 'unavailable',
} as const satisfies Record<string, ApiErrorCode>;
export type ServerFailure = keyof typeof FAILURE_CODES;

export class ServerCallError extends ApiFailure {
  readonly kind: ServerFailure;
  /** The HTTP status, null when no answer came. */
  readonly status: number | null;
  constructor(kind: ServerFailure, message: string, status: number | null = null, retryAfterSec?: number, field?: string) {
    super(FAILURE_CODES[kind], message, { server: kind, status, ...(retryAfterSec === undefined ? {} : { retryAfterSec }), ...(field === undefined ? {} : { field }) });
    this.name = 'ServerCallError';
    this.kind = kind;
    this.status = status;
  }
}

/** GET a file (a proof photo): its content type and bytes, at most `maxBytes`. */
export type ServerFile = (path: string, maxBytes: number) => Promise<{ type: string; bytes: Buffer }>;

export interface ServerCallOptions {
  timeoutMs?: number;
  /** The sentences that open the two "no server" failures, for a caller that can say why it needed one. */
  noServer?: { notConfigured: string; unreachable: string };
}

const NO_SERVER = { notConfigured: 'No server is configured: set the server address and token in Settings', unreachable: "The server can't be reached" };

/** A call whose answer is checked against the shared contract's schema before anyone reads it. */
export type CheckedServerCall = <T>(answer: z.ZodType<T>, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) => Promise<T>;

/** A JSON call whose answer not in the schema's form is a bad_answer (an empty answer is null). */
export function checkedServerCall(settings: SettingsStore, fetchFn: typeof fetch = fetch, options: ServerCallOptions = {}): CheckedServerCall {
  return async (schema, method, path, body) => {
    const { json, status } = await jsonAnswer(settings, fetchFn, options, method, path, body);
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new ServerCallError('bad_answer', `The server's answer to ${method} ${path.split('?')[0] ?? ''} is not in the expected form${where === '' ? '' : ` (at ${where.slice(0, 100)})`}: check that the server is a Marshrut server of this version`, status);
  };
}

async function jsonAnswer(settings: SettingsStore, fetchFn: typeof fetch, options: ServerCallOptions, method: string, path: string, body?: unknown): Promise<{ json: unknown; status: number }> {
  const { res, signal } = await send(settings, fetchFn, options, method, path, body);
  const text = (await readCapped(res, MAX_ANSWER_BYTES, signal, options)).toString('utf8');
  if (text === '') return { json: null, status: res.status };
  try {
    return { json: JSON.parse(text) as unknown, status: res.status };
  } catch {
    throw new ServerCallError('bad_answer', "The server's answer is not JSON: check that the server address is that of a Marshrut server", res.status);
  }
}

export function serverFile(settings: SettingsStore, fetchFn: typeof fetch = fetch, options: ServerCallOptions = {}): ServerFile {
  return async (path, maxBytes) => {
    const { res, signal } = await send(settings, fetchFn, options, 'GET', path);
    const bytes = await readCapped(res, maxBytes, signal, options);
    return { type: res.headers.get('content-type') ?? '', bytes };
  };
}

async function send(settings: SettingsStore, fetchFn: typeof fetch, options: ServerCallOptions, method: string, path: string, body?: unknown): Promise<{ res: Response; signal: AbortSignal }> {
  const s = settings.get();
  const words = options.noServer ?? NO_SERVER;
  if (s.serverUrl === null || s.token === null) throw new ServerCallError('not_configured', words.notConfigured);
  const signal = AbortSignal.timeout(options.timeoutMs ?? SERVER_TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetchFn(`${s.serverUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers: { authorization: `Bearer ${s.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal,
    });
  } catch (e) {
    throw noAnswer(e, signal, options);
  }
  if (res.ok) return { res, signal };
  throw await refusal(res, signal, options);
}

/** Fetch failed before or while the answer came: the timeout fired, or the server is not there. */
function noAnswer(e: unknown, signal: AbortSignal, options: ServerCallOptions): ServerCallError {
  const words = options.noServer ?? NO_SERVER;
  if (signal.aborted) return new ServerCallError('timeout', `${words.unreachable}: it did not answer within ${Math.round((options.timeoutMs ?? SERVER_TIMEOUT_MS) / 1000)} s`);
  // Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND) is its cause.
  const cause = (e as { cause?: { message?: unknown } } | null)?.cause?.message;
  return new ServerCallError('unreachable', `${words.unreachable}: ${typeof cause === 'string' ? cause : (e as Error).message}`);
}

async function refusal(res: Response, signal: AbortSignal, options: ServerCallOptions): Promise<ServerCallError> {
  let said: string | null = null;
  let field: string | undefined;
  try {
    const json = JSON.parse((await readCapped(res, MAX_REFUSAL_BYTES, signal, options)).toString('utf8')) as { message?: unknown; field?: unknown } | null;
    if (typeof json?.message === 'string') said = json.message.slice(0, 500);
    // The field a refusal names travels on, so a form can mark it.
    if (typeof json?.field === 'string' && json.field.length <= 64) field = json.field;
  } catch (e) {
    if (e instanceof ServerCallError && e.kind === 'timeout') return e;
    // not JSON (a proxy's page): the status says enough
  }
  const s = res.status;
  if (s === 401) return new ServerCallError('unauthorized', said ?? 'The server did not accept the token: sign in again in Settings', s);
  if (s === 403) return new ServerCallError('forbidden', said ?? 'The server does not allow this for your role', s);
  if (s === 404) return new ServerCallError('not_found', said ?? 'The server does not know this', s, undefined, field);
  if (s === 429) {
    const after = Number.parseInt(res.headers.get('retry-after') ?? '', 10);
    const retryAfterSec = Number.isFinite(after) && after >= 0 ? after : undefined;
    const wait = retryAfterSec === undefined ? 'try again shortly' : `try again in ${retryAfterSec} s`;
    return new ServerCallError('rate_limited', said ?? `The server is getting too many requests from this token: ${wait}`, s, retryAfterSec);
  }
  if (s >= 500) return new ServerCallError('server_error', `The server failed (${s})${said === null ? '' : `: ${said}`}; try again later`, s);
  if (s >= 400) return new ServerCallError('rejected', said ?? `The server refused the request (${s})`, s, undefined, field);
  return new ServerCallError('bad_answer', `The server answered ${s}, which a Marshrut server does not`, s);
}

/** The body, refused as soon as it passes `max` bytes (never held whole in memory first). */
async function readCapped(res: Response, max: number, signal: AbortSignal, options: ServerCallOptions): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (res.body === null) return Buffer.alloc(0);
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => undefined);
        throw new ServerCallError('bad_answer', `The server answered more than the ${Math.round(max / 1024)} KB expected`, res.status);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof ServerCallError) throw e;
    throw noAnswer(e, signal, options);
  }
  return Buffer.concat(chunks);
}
