// Plugs the SLA alert scheduler into a running server (server/server.ts), like attachGps:
//   const alerts = attachAlerts(server);   // in server/cli.ts after startServer
// It records alerts through the change log, serves GET /api/alerts, reports in /health and
// stops with the server.
import type { MarshrutServer } from '../server';
import { AlertScheduler, type AlertSchedulerOptions } from './alert-scheduler';
import { mountAlertsRoute } from './alerts-route';

export type AttachAlertsOptions = Omit<AlertSchedulerOptions, 'engine' | 'clock' | 'logger'> & { clock?: () => number };

export function attachAlerts(server: MarshrutServer, opts: AttachAlertsOptions = {}): AlertScheduler {
  const scheduler = new AlertScheduler({
    ...opts,
    engine: server.engine,
    clock: opts.clock ?? Date.now,
    logger: server.logger.child({ component: 'alerts' }),
  });
  mountAlertsRoute(server, server.db.sqlite, server.engine.tables);
  server.addHealth('alerts', () => ({ ...scheduler.counters, nextDueAt: scheduler.nextDueAt() }));
  server.onClose(() => scheduler.stop());
  scheduler.start();
  return scheduler;
}
