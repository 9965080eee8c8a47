// What every JSON write route shares: a refusal as a typed failure (status, error code, the
// field it names), a zod failure as a 422 naming the field, the body read within size and depth
// limits, and a handler wrapper that counts each outcome (GET /health and /metrics). The orders
// API (shops) and the admin views' routes both answer through this, so a refusal reads the same
// everywhere and none goes uncounted.
import type { z } from 'zod';
import { DESK_ROLES } from '../../shared/domain/vocabulary';
import type { SessionUser } from '../../shared/protocol';
import { jsonShapeProblem, type Counters } from './request-guards';
import { readJsonBody, sendJson, type RouteContext } from './router';

export interface FailureBody {
  error: string;
  message: string;
  field?: string;
  issues?: Array<{ field: string; message: string }>;
}

export class HttpFailure {
  constructor(
    readonly status: number,
    readonly body: FailureBody,
  ) {}
}

export const fail = (status: number, error: string, message: string, field?: string): never => {
  throw new HttpFailure(status, field === undefined ? { error, message } : { error, message, field });
};

/** A zod failure as a 422 naming each field ("delivery.city: must not be empty"). */
export function invalid(error: z.ZodError): never {
  const issues = error.issues.slice(0, 10).map((i) => ({ field: i.path.length > 0 ? i.path.join('.') : '(body)', message: i.message }));
  const first = issues[0] ?? { field: '(body)', message: 'invalid' };
  throw new HttpFailure(422, { error: 'validation_failed', message: `${first.field}: ${first.message}`, field: first.field, issues });
}

/** Content type, size, depth: the checks before any schema. Returns the parsed JSON. */
export async function guardedJson(ctx: RouteContext, maxBytes: number): Promise<unknown> {
  const type = ctx.req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) fail(415, 'unsupported_media_type', 'Send the body as application/json');
  const body = await readJsonBody(ctx.req, maxBytes);
  if (!body.ok) fail(body.status, body.status === 413 ? 'too_large' : 'bad_json', body.message);
  const shape = body.ok ? jsonShapeProblem(body.value) : null;
  if (shape !== null) fail(400, 'too_complex', `Refused: ${shape}`);
  return body.ok ? body.value : undefined;
}

/** The body checked against a schema (else a 422 naming the field). */
export async function parsedBody<S extends z.ZodType>(ctx: RouteContext, schema: S, maxBytes: number): Promise<z.output<S>> {
  const parsed = schema.safeParse(await guardedJson(ctx, maxBytes));
  if (!parsed.success) invalid(parsed.error);
  return parsed.data as z.output<S>;
}

/** The caller, who must hold one of `roles` (403 otherwise, counted like any refusal). */
export function callerWithRole(ctx: RouteContext, roles: readonly string[]): SessionUser {
  const user = ctx.user;
  if (user === null || !roles.includes(user.role)) fail(403, 'forbidden', `This needs the role ${roles.join(' or ')}`);
  return user as SessionUser;
}

/** Dispatchers, supervisors and admins. */
export const deskCaller = (ctx: RouteContext): SessionUser => callerWithRole(ctx, DESK_ROLES);

export interface Handled {
  status: number;
  body: unknown;
  /** The counter this success adds to ("attached", "created"). */
  count: string;
}

/** Runs a route; every answer is counted, a refusal as `refused.<error>`, and sent as JSON. */
export const countedHandler =
  (counters: Counters, run: (ctx: RouteContext) => Promise<Handled> | Handled) =>
  async (ctx: RouteContext): Promise<void> => {
    try {
      const r = await run(ctx);
      counters.add(r.count);
      sendJson(ctx.res, r.status, r.body);
    } catch (e) {
      if (!(e instanceof HttpFailure)) throw e;
      counters.add(`refused.${e.body.error}`);
      sendJson(ctx.res, e.status, e.body);
    }
  };
