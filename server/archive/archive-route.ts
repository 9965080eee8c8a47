// GET /api/archive/orders and GET /api/archive/orders/:number: orders older than a desktop's
// sync window, found by number, phone or customer and opened read-only (issue 19). The desktop
// asks only when its replica has no answer. Desk roles only (dispatcher, supervisor, admin);
// integration tokens never get here (router). Every refusal names the parameter, changes
// nothing and is counted (GET /health -> archive).
//
// No full-text index on the server: numbers use the unique index (a prefix range), phones and
// names a scan newest first (stored phones in their canonical digits, as phone search
// reads them everywhere) that stops after a page. User text is only ever a bound value,
// with LIKE's own wildcards escaped, so FTS or LIKE syntax is just characters.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { ARCHIVE_TEXT_MAX, archiveQuerySchema, beforeProblem, toArchiveOrder } from '../../shared/archive/archive-search';
import { isDeskRole } from '../../shared/domain/vocabulary';
import { phoneRuns } from '../../shared/domain/phone-search';
import { normalizePhone } from '../../shared/carriers/normalize-phone';
import { dayStartUtc } from '../../shared/reports/report-period';
import { TIMELINE_ORDER_SQL, type OrderRow } from '../../shared/schema';
import type { AllTableStatements } from '../sync/table-statements';
import { Counters, RateLimiter, type RateLimitOptions } from '../http/request-guards';
import { sendJson, type RouteContext, type Router } from '../http/router';

/** A person searching types a few queries a minute; a script walking the archive is slowed. */
export const ARCHIVE_RATE: RateLimitOptions = { perSecond: 2, burst: 10 };

/** Name folding for a case-blind match in any script (SQLite's own lower() knows only ASCII). */
export function foldName(s: string): string {
  return s.toLocaleLowerCase('ru').replace(/ё/g, 'е');
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function fieldOf(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || (issue?.code === 'unrecognized_keys' ? String(issue.keys[0]) : 'query');
  return { field, message: `${field}: ${issue?.message ?? 'invalid'}` };
}

export function mountArchive(router: Router, sqlite: Database.Database, tables: AllTableStatements, clock: () => number, rate: RateLimitOptions = ARCHIVE_RATE): { counters: Counters } {
  const counters = new Counters();
  const limiter = new RateLimiter(rate, clock);
  sqlite.function('archive_fold', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? foldName(v) : v));
  sqlite.function('archive_digits', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? normalizePhone(v) : v));
  const driverName = sqlite.prepare<[string], { name: string }>('SELECT name FROM drivers WHERE id = ?');
  const byNumber = sqlite.prepare<[string], Record<string, unknown>>('SELECT * FROM orders WHERE number = ?');
  const events = sqlite.prepare<[string], Record<string, unknown>>(`SELECT * FROM order_events WHERE order_id = ? ORDER BY ${TIMELINE_ORDER_SQL}`);
  const view = (record: Record<string, unknown>) => {
    const o = tables.orders.codec.fromRecord(record) as OrderRow;
    return toArchiveOrder(o, o.driverId === null ? null : (driverName.get(o.driverId)?.name ?? null));
  };

  /** Role and rate: null when refused (the answer is sent), else the refusal helper. */
  const admit = (ctx: RouteContext) => {
    const refuse = (status: number, reason: string, body: Record<string, unknown>) => {
      counters.add(reason);
      sendJson(ctx.res, status, body);
      return null;
    };
    const { user } = ctx;
    if (user === null || !isDeskRole(user.role)) return refuse(403, 'forbidden', { error: 'forbidden', message: 'The order archive is for dispatchers, supervisors and admins' });
    const taken = limiter.take(user.id);
    if (!taken.ok) {
      ctx.res.setHeader('retry-after', String(Math.ceil(taken.retryAfterMs / 1000)));
      return refuse(429, 'rateLimited', { error: 'rate_limited', message: 'Too many archive searches at once; try again shortly' });
    }
    return refuse;
  };

  router.addRoute({
    method: 'GET',
    path: '/api/archive/orders',
    handler(ctx) {
      const refuse = admit(ctx);
      if (refuse === null) return;
      const flat: Record<string, string> = {};
      for (const key of new Set(ctx.query.keys())) {
        const all = ctx.query.getAll(key);
        if (all.length > 1) return void refuse(400, 'invalid', { error: 'bad_request', field: key, message: `${key}: given more than once` });
        flat[key] = all[0] as string;
      }
      const parsed = archiveQuerySchema.safeParse(flat);
      if (!parsed.success) return void refuse(400, 'invalid', { error: 'bad_request', ...fieldOf(parsed.error) });
      const q = parsed.data;
      const late = beforeProblem(q.before, clock());
      if (late !== null) return void refuse(400, 'invalid', { error: 'bad_request', field: 'before', message: late });

      const where: string[] = [];
      const params: Array<string | number> = [];
      if (q.number !== undefined) {
        // A prefix of the unique number as a range, so the index answers it.
        const p = q.number.trim().toUpperCase();
        where.push('number >= ? AND number < ?');
        params.push(p, `${p}\uffff`);
      } else if (q.phone !== undefined) {
        const runs = phoneRuns(q.phone);
        where.push(`(${runs.map(() => "archive_digits(customer_phone) LIKE ? ESCAPE '\\'").join(' OR ')})`);
        params.push(...runs.map((r) => `%${likeEscape(r)}%`));
      } else {
        where.push("archive_fold(customer_name) LIKE ? ESCAPE '\\'");
        params.push(`%${likeEscape(foldName((q.customer as string).trim().slice(0, ARCHIVE_TEXT_MAX)))}%`);
      }
      if (q.before !== undefined) {
        where.push('updated_at < ?');
        params.push(dayStartUtc(q.before, 0));
      }
      const rows = sqlite
        .prepare<Array<string | number>, Record<string, unknown>>(`SELECT * FROM orders WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`)
        .all(...params, q.limit + 1, q.offset);
      counters.add('served');
      sendJson(ctx.res, 200, { orders: rows.slice(0, q.limit).map(view), offset: q.offset, hasMore: rows.length > q.limit });
    },
  });

  router.addRoute({
    method: 'GET',
    path: '/api/archive/orders/:number',
    handler(ctx) {
      const refuse = admit(ctx);
      if (refuse === null) return;
      const number = ctx.params['number'] ?? '';
      if (number.length === 0 || number.length > 64 || !/^[\p{L}\p{N}-]+$/u.test(number)) {
        return void refuse(400, 'invalid', { error: 'bad_request', field: 'number', message: 'number: an order number has 1-64 letters, digits and dashes' });
      }
      const record = byNumber.get(number.toUpperCase()) ?? byNumber.get(number);
      if (record === undefined) return void refuse(404, 'notFound', { error: 'not_found', field: 'number', message: `No order with number ${number}` });
      const order = view(record);
      const timeline = events.all(order.id).map((r) => tables.order_events.codec.fromRecord(r));
      counters.add('served');
      sendJson(ctx.res, 200, { order, events: timeline });
    },
  });
  return { counters };
}
