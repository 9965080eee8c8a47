// A client for CDEK's order API v2 (https://api.cdek.ru/v2, test: https://api.edu.cdek.ru/v2):
//   POST /v2/oauth/token   form grant_type=client_credentials&client_id&client_secret
//                          -> {access_token, token_type: "bearer", expires_in (s), scope, jti}
//   POST /v2/orders        JSON order (Authorization: Bearer) -> 202 {entity: {uuid}, requests:
//                          [{request_uuid, type: "CREATE", state: "ACCEPTED", date_time, errors, warnings}]}
//                          or 400 {requests: [{state: "INVALID", errors: [{code, message}]}]}
//   GET  /v2/orders/{uuid} -> {entity: {uuid, number, cdek_number (once registered)}, requests:
//                          [{type, state: ACCEPTED|WAITING|SUCCESSFUL|INVALID, errors}]}
// CDEK registers an order asynchronously: the CDEK number appears on a later GET. Every answer
// is parsed by a schema; what does not fit is an error, never a guess.
import { z } from 'zod';
import { httpSend, type HttpOutcome } from '../messages/http-post';

export interface CdekCredentials {
  /** Without the /v2 suffix: https://api.cdek.ru */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

/**
 * Why a call failed. `refused`: CDEK read the request and said no (fix the data; retrying the
 * same is useless). `retry`: it never took the request (unreachable, 401 after a fresh token,
 * 5xx, 429): safe to send again. `unknown`: sent and no answer, so CDEK may have created it.
 */
export class CdekApiError extends Error {
  constructor(
    readonly kind: 'refused' | 'retry' | 'unknown',
    message: string,
  ) {
    super(message);
    this.name = 'CdekApiError';
  }
}

const errorList = z.array(z.object({ code: z.string().optional(), message: z.string().optional() }).passthrough()).optional();
const requestInfo = z.object({ type: z.string().optional(), state: z.string(), errors: errorList }).passthrough();
const tokenAnswer = z.object({ access_token: z.string().min(1), token_type: z.string().optional(), expires_in: z.number().positive() }).passthrough();
const createAnswer = z.object({ entity: z.object({ uuid: z.string().min(1).max(64) }).passthrough(), requests: z.array(requestInfo).optional() }).passthrough();
const orderAnswer = z
  .object({
    entity: z.object({ uuid: z.string(), number: z.string().optional(), cdek_number: z.union([z.string(), z.number()]).optional() }).passthrough(),
    requests: z.array(requestInfo).optional(),
  })
  .passthrough();
const refusalAnswer = z.object({ requests: z.array(requestInfo).optional(), errors: errorList }).passthrough();

export interface CdekOrderState {
  /** CDEK's number once the order is registered; null while it is still being processed. */
  cdekNumber: string | null;
  /** The CREATE request was refused after all (INVALID): what CDEK said. */
  invalid: string | null;
}

const TIMEOUT_MS = 15_000;

export class CdekApiClient {
  private token: { value: string; until: number } | null = null;

  constructor(
    private readonly creds: CdekCredentials,
    private readonly clock: () => number = Date.now,
    private readonly send: typeof httpSend = httpSend,
  ) {}

  /** Registers an order; answers CDEK's uuid for it (the CDEK number comes later, see getOrder). */
  async createOrder(order: unknown): Promise<string> {
    const answer = await this.authorized('POST', '/v2/orders', JSON.stringify(order));
    if (answer.status === 200 || answer.status === 202) {
      const parsed = parse(createAnswer, answer.body, 'order registration');
      const refused = parsed.requests?.find((r) => r.state === 'INVALID');
      if (refused !== undefined) throw new CdekApiError('refused', describeErrors(refused.errors));
      return parsed.entity.uuid;
    }
    throw failure(answer.status, answer.body);
  }

  async getOrder(uuid: string): Promise<CdekOrderState> {
    const answer = await this.authorized('GET', `/v2/orders/${encodeURIComponent(uuid)}`, null);
    if (answer.status !== 200) throw failure(answer.status, answer.body);
    const parsed = parse(orderAnswer, answer.body, 'order information');
    const create = parsed.requests?.find((r) => r.type === 'CREATE');
    if (create?.state === 'INVALID') return { cdekNumber: null, invalid: describeErrors(create.errors) };
    const n = parsed.entity.cdek_number;
    return { cdekNumber: n === undefined || String(n) === '' ? null : String(n), invalid: null };
  }

  /** A call with the cached token; a 401 drops it and tries once more with a fresh one. */
  private async authorized(method: 'GET' | 'POST', path: string, body: string | null): Promise<{ status: number; body: string }> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken();
      const out = await this.send(method, this.url(path), { authorization: `Bearer ${token}`, accept: 'application/json', ...(body === null ? {} : { 'content-type': 'application/json' }) }, body, TIMEOUT_MS);
      const answer = reached(out, method === 'GET');
      if (answer.status === 401 && attempt === 0) {
        this.token = null;
        continue;
      }
      return answer;
    }
  }

  private async accessToken(): Promise<string> {
    const now = this.clock();
    if (this.token !== null && now < this.token.until) return this.token.value;
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: this.creds.clientId, client_secret: this.creds.clientSecret }).toString();
    // Asking for a token creates nothing: an unanswered token request is safe to retry.
    const answer = reached(await this.send('POST', this.url('/v2/oauth/token'), { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, form, TIMEOUT_MS), true);
    if (answer.status === 401 || answer.status === 400) throw new CdekApiError('retry', `CDEK refused the API credentials (HTTP ${answer.status}): check the client id and secret`);
    if (answer.status !== 200) throw failure(answer.status, answer.body);
    const t = parse(tokenAnswer, answer.body, 'token');
    // A minute early, so a token never expires between the check and CDEK reading it.
    this.token = { value: t.access_token, until: now + Math.max(0, t.expires_in - 60) * 1000 };
    return t.access_token;
  }

  private url(path: string): string {
    return `${this.creds.baseUrl.replace(/\/+$/, '')}${path}`;
  }
}

function reached(out: HttpOutcome, safeToRepeat: boolean): { status: number; body: string } {
  if (out.ok) return { status: out.answer.status, body: out.answer.body };
  if (!out.sent || safeToRepeat) throw new CdekApiError('retry', `CDEK could not be reached: ${out.error}`);
  throw new CdekApiError('unknown', `CDEK did not answer (${out.error}): the order may have been created; check CDEK's account before trying again`);
}

function failure(status: number, body: string): CdekApiError {
  if (status === 400 || status === 422) {
    const r = refusalAnswer.safeParse(safeJson(body));
    const errors = r.success ? [...(r.data.errors ?? []), ...(r.data.requests ?? []).flatMap((q) => q.errors ?? [])] : [];
    return new CdekApiError('refused', errors.length > 0 ? describeErrors(errors) : `CDEK refused the request (HTTP ${status})`);
  }
  if (status === 401 || status === 403) return new CdekApiError('retry', `CDEK refused the token (HTTP ${status})`);
  if (status === 429 || status >= 500) return new CdekApiError('retry', `CDEK is unavailable (HTTP ${status})`);
  return new CdekApiError('refused', `CDEK answered HTTP ${status}`);
}

function describeErrors(errors: Array<{ code?: string | undefined; message?: string | undefined }> | undefined): string {
  const list = (errors ?? []).map((e) => [e.code, e.message].filter(Boolean).join(': ')).filter((s) => s !== '');
  return (list.length > 0 ? list.join('; ') : 'CDEK refused the order without saying why').slice(0, 1000);
}

function parse<T>(schema: z.ZodType<T>, body: string, what: string): T {
  const r = schema.safeParse(safeJson(body));
  if (!r.success) throw new CdekApiError('unknown', `CDEK's ${what} answer is not in its documented format`);
  return r.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
