// The console's archive methods (issue 19): a search the replica cannot answer goes to the
// server's archive (GET /api/archive/orders, the user's own token), an old order opens from
// GET /api/archive/orders/:number; both answers are checked by their shared schema, kept in the
// read-only cache (archive-cache.ts) and never enter the replica. The server out of reach is
// said as such (code 'unavailable'), never as "nothing found"; an order already opened before
// is then shown from the cache with the time it was fetched.
import type { ApiHandlers } from '../../shared/api/contract';
import type { ArchiveRow } from '../../shared/api/archive-api';
import { archiveCardAnswer, archiveSearchOf, archiveSearchPageSchema } from '../../shared/archive/archive-search';
import { isDeskRole, type UserRole } from '../../shared/domain/vocabulary';
import { syncWindowStart } from '../../shared/protocol/sync-window';
import { localDay } from '../../shared/reports/report-period';
import type { ReadonlyReplica } from '../db/open-replica';
import { ApiFailure } from '../api/api-failure';
import type { CheckedServerCall } from '../api/server-http';
import type { ArchiveCache } from './archive-cache';

/** Rows per archive page the console shows. */
export const ARCHIVE_PAGE = 20;

export interface ArchiveDeps {
  replica: ReadonlyReplica;
  server: CheckedServerCall;
  cache: ArchiveCache;
  now(): number;
  role(): UserRole | null;
  /** The desktop's setting: the window it keeps (the floor is applied by syncWindowStart). */
  historyDays(): number;
}

export function archiveHandlers(deps: ArchiveDeps): Pick<ApiHandlers, 'searchArchive' | 'openArchiveOrder'> {
  const allowed = () => {
    if (!isDeskRole(deps.role())) throw new ApiFailure('forbidden', 'The order archive is for dispatchers, supervisors and admins');
  };
  const localByNumber = (number: string): string | null =>
    (deps.replica.prepareRead('SELECT id FROM orders WHERE number = ?').get(number) as { id: string } | undefined)?.id ?? null;
  const localIds = (ids: string[]): Set<string> => {
    if (ids.length === 0) return new Set();
    const rows = deps.replica.prepareRead(`SELECT id FROM orders WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  };

  return {
    async searchArchive({ text, offset }) {
      allowed();
      const q = archiveSearchOf(text);
      if (q === null) throw new ApiFailure('invalid_request', 'Type at least 2 letters, an order number or 4 digits of a phone', { field: 'text' });
      const now = deps.now();
      const windowStart = localDay(syncWindowStart(now, deps.historyDays()));
      const params = new URLSearchParams({ [q.kind]: q.text, before: windowStart, offset: String(offset), limit: String(ARCHIVE_PAGE) });
      const page = await deps.server(archiveSearchPageSchema, 'GET', `/api/archive/orders?${params.toString()}`);
      deps.cache.putOrders(page.orders, now);
      const local = localIds(page.orders.map((o) => o.id));
      const rows: ArchiveRow[] = page.orders.map((o) => ({ ...o, localId: local.has(o.id) ? o.id : null }));
      return { kind: q.kind, rows, offset: page.offset, hasMore: page.hasMore, windowStart };
    },

    async openArchiveOrder({ number }) {
      allowed();
      const localId = localByNumber(number);
      if (localId !== null) return { localId };
      const now = deps.now();
      try {
        const card = await deps.server(archiveCardAnswer, 'GET', `/api/archive/orders/${encodeURIComponent(number)}`);
        deps.cache.putCard(card, now);
        return { card, fetchedAt: now, source: 'server' as const, serverError: null };
      } catch (err) {
        // Out of reach (or answering what no Marshrut server sends): the copy fetched earlier,
        // said to be one. Any other answer stands.
        if (!(err instanceof ApiFailure) || err.code !== 'unavailable') throw err;
        const cached = deps.cache.card(number, now);
        if (cached === null) throw err;
        return { card: cached.card, fetchedAt: cached.fetchedAt, source: 'cache' as const, serverError: err.message };
      }
    },
  };
}
