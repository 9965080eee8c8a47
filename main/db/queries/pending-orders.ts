// Which orders have a local edit still waiting for the server: read from the outbox (small:
// only unacknowledged mutations), so the queue can mark those rows pending.
import type { ReadonlyReplica } from '../open-replica';

export function pendingOrderIds(replica: ReadonlyReplica): Set<string> {
  const rows = replica
    .prepareRead(
      "SELECT DISTINCT json_extract(args, '$.orderId') AS id FROM outbox WHERE json_valid(args) AND json_extract(args, '$.orderId') IS NOT NULL",
    )
    .all() as { id: unknown }[];
  const ids = new Set<string>();
  for (const r of rows) if (typeof r.id === 'string') ids.add(r.id);
  return ids;
}
