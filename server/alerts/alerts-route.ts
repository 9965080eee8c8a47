// GET /api/alerts for integrations: the alert rows, newest first, same bearer tokens as sync.
//   ?state=open|acknowledged|resolved (comma separated)  ?kind=sla_breach,...  ?priority=true
//   ?order=MR-100123  ?since=<ms, triggeredAt>  ?limit=500 (max 5000)
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { ALERT_KINDS, ALERT_STATES } from '../../shared/alerts/alert-vocabulary';
import { summarize } from '../../shared/protocol';
import type { AlertRow } from '../../shared/schema';
import { sendJson, type Router } from '../http/router';
import type { AllTableStatements } from '../sync/table-statements';

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter((x) => x.length > 0))
    .pipe(z.array(z.enum(values)).min(1))
    .optional();

export const alertsQuerySchema = z.object({
  state: list(ALERT_STATES),
  kind: list(ALERT_KINDS),
  priority: z.enum(['true', 'false']).optional(),
  order: z.string().min(1).max(64).optional(),
  since: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

interface AlertsSqlParams {
  states: string | null;
  kinds: string | null;
  priority: number | null;
  number: string | null;
  since: number;
  limit: number;
}

export function mountAlertsRoute(router: Pick<Router, 'addRoute'>, sqlite: Database.Database, tables: AllTableStatements): void {
  const select = sqlite.prepare<[AlertsSqlParams], Record<string, unknown>>(
    `SELECT * FROM alerts
     WHERE (@states IS NULL OR state IN (SELECT value FROM json_each(@states)))
       AND (@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds)))
       AND (@priority IS NULL OR priority = @priority)
       AND (@number IS NULL OR order_number = @number)
       AND triggered_at >= @since
     ORDER BY triggered_at DESC, id LIMIT @limit`,
  );
  router.addRoute({
    method: 'GET',
    path: '/api/alerts',
    handler({ res, query }) {
      const parsed = alertsQuerySchema.safeParse(Object.fromEntries(query));
      if (!parsed.success) return sendJson(res, 400, { error: 'bad_request', message: summarize(parsed.error) });
      const q = parsed.data;
      const rows = select.all({
        states: q.state ? JSON.stringify(q.state) : null,
        kinds: q.kind ? JSON.stringify(q.kind) : null,
        priority: q.priority === undefined ? null : q.priority === 'true' ? 1 : 0,
        number: q.order ?? null,
        since: q.since ?? 0,
        limit: q.limit + 1,
      });
      const alerts = rows.slice(0, q.limit).map((r) => tables.alerts.codec.fromRecord(r) as AlertRow);
      sendJson(res, 200, { alerts, truncated: rows.length > q.limit });
    },
  });
}
