// GET /health: version, uptime, row counts, sync state, plus sections other modules add
// (e.g. the GPS filter counters). Counting is cheap at these sizes (indexed count(*)).
import type { SyncedTableKey } from '../../shared/schema';
import type { SyncEngine } from '../sync/sync-engine';
import type { SyncHub } from '../sync/sync-hub';

const COUNTED: readonly SyncedTableKey[] = ['orders', 'order_events', 'drivers', 'users', 'carriers', 'warehouses', 'customers'];

export interface HealthInput {
  version: string;
  protocolVersion: number;
  schemaVersion: number;
  startedAt: number;
  now: number;
  engine: SyncEngine;
  hub: SyncHub;
  sections: ReadonlyMap<string, () => unknown>;
}

export function healthReport(input: HealthInput): Record<string, unknown> {
  const counts: Record<string, number> = {};
  for (const t of COUNTED) counts[t] = input.engine.tables[t].count.get()?.n ?? 0;
  const report: Record<string, unknown> = {
    status: 'ok',
    version: input.version,
    protocolVersion: input.protocolVersion,
    schemaVersion: input.schemaVersion,
    serverId: input.engine.serverId,
    uptimeS: Math.round((input.now - input.startedAt) / 1000),
    counts,
    sync: {
      headSeq: input.engine.log.headSeq(),
      compactedBefore: input.engine.log.compactedBefore(),
      clients: input.hub.counts(),
      // Connections refused over the per-user cap and readers dropped as too slow.
      flow: input.hub.flow.snapshot(),
    },
  };
  for (const [name, section] of input.sections) {
    try {
      report[name] = section();
    } catch (e) {
      report[name] = { error: e instanceof Error ? e.message : String(e) };
    }
  }
  return report;
}
