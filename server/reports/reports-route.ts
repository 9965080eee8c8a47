// GET /api/reports and GET /api/reports/orders: the Reports tab's figures and drill-downs
// computed by the server, for periods older than a desktop holds (and for the GPS distances
// only the server keeps). The same shared/reports statements and definitions as the desktop.
// Desk roles only (dispatcher, supervisor, admin); integration tokens never get here (router).
// Every refusal names the parameter, changes nothing and is counted (GET /health -> reports).
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { REPORT_ROLES } from '../../shared/api/reports-api';
import { distanceMeters } from '../../shared/domain/geo';
import { CUT_DIMENSIONS } from '../../shared/reports/compute-report';
import { DRILL_EXPORT_MAX, drillSpecSchema } from '../../shared/reports/drill-down';
import { reportQuerySchema, type ReportPeriod } from '../../shared/reports/report-period';
import { buildDrill, buildReport, type SqlReader } from '../../shared/reports/report-source';
import { Counters, RateLimiter, type RateLimitOptions } from '../http/request-guards';
import { sendJson, type RouteContext, type Router } from '../http/router';

/** A year's report reads every order of the year: a person clicks a few a minute, a script is slowed. */
export const REPORTS_RATE: RateLimitOptions = { perSecond: 1, burst: 10 };

const QUERY_KEYS = new Set(Object.keys(reportQuerySchema.shape));

/** Reads the one value of each parameter; a repeated parameter is refused rather than guessed at. */
function params(query: URLSearchParams): { ok: true; value: Record<string, string> } | { ok: false; field: string } {
  const out: Record<string, string> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    if (all.length > 1) return { ok: false, field: key };
    out[key] = all[0] as string;
  }
  return { ok: true, value: out };
}

const pageSchema = z
  .object({
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(DRILL_EXPORT_MAX).default(200),
  })
  .strict();

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The flat drill parameters (`cut=driver:d-1`, `hits=false`) as a DrillSpec. */
const drillParamsSchema = z
  .object({
    previous: boolParam.optional(),
    figure: z.string().optional(),
    hits: boolParam.optional(),
    day: z.string().optional(),
    reason: z.string().optional(),
    bucket: z.coerce.number().optional(),
    cut: z
      .string()
      .regex(new RegExp(`^(${CUT_DIMENSIONS.join('|')}):.+$`), `cut is DIMENSION:KEY, DIMENSION one of ${CUT_DIMENSIONS.join(', ')}`)
      .transform((v) => ({ dimension: v.slice(0, v.indexOf(':')), key: v.slice(v.indexOf(':') + 1) }))
      .optional(),
  })
  .strict()
  .pipe(drillSpecSchema);

function fieldOf(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || (issue?.code === 'unrecognized_keys' ? String(issue.keys[0]) : 'query');
  return { field, message: `${field}: ${issue?.message ?? 'invalid'}` };
}

/** Km along each driver's track in [startMs, endMs): the sum of the legs between stored fixes. */
export function trackKm(sqlite: Database.Database, period: Pick<ReportPeriod, 'startMs' | 'endMs'>): Map<string, number> {
  const km = new Map<string, number>();
  let driver: string | null = null;
  let last: { lat: number; lon: number } | null = null;
  const rows = sqlite
    .prepare<[number, number], { d: string; lat: number; lon: number }>('SELECT driver_id AS d, lat, lon FROM driver_tracks WHERE fix_at >= ? AND fix_at < ? ORDER BY driver_id, fix_at')
    .iterate(period.startMs, period.endMs);
  for (const r of rows) {
    if (r.d !== driver) {
      driver = r.d;
      last = null;
      km.set(driver, 0);
    }
    if (last !== null) km.set(driver, (km.get(driver) as number) + distanceMeters(last, r) / 1000);
    last = { lat: r.lat, lon: r.lon };
  }
  return km;
}

export function mountReports(router: Router, sqlite: Database.Database, clock: () => number, rate: RateLimitOptions = REPORTS_RATE): { counters: Counters } {
  const counters = new Counters();
  const limiter = new RateLimiter(rate, clock);
  const read: SqlReader = (sql, p) => sqlite.prepare(sql).all(...p);
  // The same process serves sync and GPS: a year's report hands the loop back between days.
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

  /** Role, rate and the period's query: the answer to send when any fails, else the parsed query. */
  const admit = (ctx: RouteContext, extraKeys: ReadonlySet<string>) => {
    const { res, user, query } = ctx;
    const refuse = (status: number, reason: string, body: Record<string, unknown>) => {
      counters.add(reason);
      sendJson(res, status, body);
      return null;
    };
    if (user === null || !REPORT_ROLES.includes(user.role)) return refuse(403, 'forbidden', { error: 'forbidden', message: 'Reports are for supervisors, admins and dispatchers' });
    const taken = limiter.take(user.id);
    if (!taken.ok) {
      res.setHeader('retry-after', String(Math.ceil(taken.retryAfterMs / 1000)));
      return refuse(429, 'rateLimited', { error: 'rate_limited', message: 'Too many reports at once; try again shortly' });
    }
    const flat = params(query);
    if (!flat.ok) return refuse(400, 'invalid', { error: 'bad_request', field: flat.field, message: `${flat.field}: given more than once` });
    const mine = Object.fromEntries(Object.entries(flat.value).filter(([k]) => QUERY_KEYS.has(k)));
    const rest = Object.fromEntries(Object.entries(flat.value).filter(([k]) => !QUERY_KEYS.has(k)));
    const unknown = Object.keys(rest).find((k) => !extraKeys.has(k));
    if (unknown !== undefined) return refuse(400, 'invalid', { error: 'bad_request', field: unknown, message: `${unknown}: not a parameter of this report` });
    const parsed = reportQuerySchema.safeParse(mine);
    if (!parsed.success) return refuse(400, 'invalid', { error: 'bad_request', ...fieldOf(parsed.error) });
    return { q: parsed.data, rest, refuse };
  };

  router.addRoute({
    method: 'GET',
    path: '/api/reports',
    async handler(ctx) {
      const a = admit(ctx, new Set());
      if (a === null) return;
      const r = await buildReport(read, a.q, clock(), 'server', (p) => trackKm(sqlite, p), pause);
      if (!r.ok) return void a.refuse(400, 'invalid', { error: 'bad_request', field: r.field, message: r.message });
      counters.add('served');
      sendJson(ctx.res, 200, r.value);
    },
  });

  const drillKeys = new Set([...Object.keys(drillParamsSchema.in.shape), 'offset', 'limit']);
  router.addRoute({
    method: 'GET',
    path: '/api/reports/orders',
    async handler(ctx) {
      const a = admit(ctx, drillKeys);
      if (a === null) return;
      const { offset, limit, ...drillFlat } = a.rest;
      const page = pageSchema.safeParse({ offset, limit });
      if (!page.success) return void a.refuse(400, 'invalid', { error: 'bad_request', ...fieldOf(page.error) });
      const drill = drillParamsSchema.safeParse(drillFlat);
      if (!drill.success) return void a.refuse(400, 'invalid', { error: 'bad_request', ...fieldOf(drill.error) });
      const r = await buildDrill(read, a.q, drill.data, clock(), page.data, pause);
      if (!r.ok) return void a.refuse(400, 'invalid', { error: 'bad_request', field: r.field, message: r.message });
      counters.add('served');
      sendJson(ctx.res, 200, r.value);
    },
  });
  return { counters };
}
