// Plugs the real sync client (main/sync) into the API's SyncPort: its state becomes the
// status bar's ConnectionView, its rejections become CommandResults, its conflicts carry
// the order number for the UI, and its change events say "all" when a catch-up is huge.
import type { ChangesEvent, PositionFix } from '../../shared/api/events';
import type { ConflictView, ConnectionView } from '../../shared/api/session-api';
import { MutationRejection } from '../../shared/mutators/mutator-tx';
import type { MutatorArgs, MutatorName } from '../../shared/mutators/registry';
import type { ReadonlyReplica } from '../db/open-replica';
import type { SyncConflict } from './conflicts-store';
import { createSyncClient, type SyncClient, type SyncState } from './sync-client';
import type { SyncConnector } from './sync-link';
import type { SyncPort } from './sync-port';

/** Past this many changed ids a change event says "re-read everything" instead of listing them. */
const MAX_LISTED_IDS = 2000;

export function toConnectionView(s: SyncState, serverUrl: string): ConnectionView {
  const status = s.connection === 'online' || s.connection === 'catching_up' ? s.connection : 'offline';
  let error = s.lastError;
  if (s.connection === 'unauthorized') error = `The server refused the token${error ? `: ${error}` : ''}`;
  if (s.connection === 'incompatible') error = `The server runs an incompatible version${error ? `: ${error}` : ''}`;
  return { status, pending: s.pendingCount, lastSyncAt: s.lastSyncAt, serverUrl, error: status === 'online' ? null : error };
}

export function toChangesEvent(e: { tables: ChangesEvent['tables']; ids: ChangesEvent['ids'] }): ChangesEvent {
  let n = 0;
  for (const t of e.tables) n += e.ids[t]?.length ?? 0;
  return n > MAX_LISTED_IDS ? { tables: e.tables, ids: {}, all: true } : { tables: e.tables, ids: e.ids, all: false };
}

export function adaptSyncClient(client: SyncClient, replica: ReadonlyReplica, serverUrl: string): SyncPort {
  const numberOf = (orderId: string | null): string | null => {
    if (orderId === null) return null;
    const r = replica.prepareRead('SELECT number FROM orders WHERE id = ?').get(orderId) as { number: string } | undefined;
    return r?.number ?? null;
  };
  const toConflict = (c: SyncConflict): ConflictView => {
    const args = c.args as { orderId?: unknown } | null;
    const orderId = typeof args?.orderId === 'string' ? args.orderId : null;
    return { id: String(c.id), mid: c.mid, name: c.name, orderId, orderNumber: numberOf(orderId), code: c.code, message: c.message, at: c.at };
  };
  const conflicts = (): ConflictView[] => client.conflicts().map(toConflict);
  let lastConflictCount = client.state().conflictCount;

  client.start();
  return {
    mutate(name, args) {
      try {
        // The mutator checks its arguments (the API's commands share its schemas or map onto them).
        const { mid } = client.mutate(name as MutatorName, args as MutatorArgs<MutatorName>);
        return { ok: true, mid };
      } catch (err) {
        if (err instanceof MutationRejection) {
          return { ok: false, code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
        }
        if (client.user() === null) {
          return { ok: false, code: 'unauthorized', message: 'Not signed in yet: connect to the server once so it can tell who you are' };
        }
        throw err;
      }
    },
    connection: () => toConnectionView(client.state(), serverUrl),
    user: () => client.user(),
    conflicts,
    acknowledgeConflict: (id) => /^\d+$/.test(id) && client.acknowledgeConflict(Number(id)),
    onConnection: (l) => client.onStateChange((s) => l(toConnectionView(s, serverUrl))),
    onChanges: (l) => client.onChange((e) => l(toChangesEvent(e))),
    onPositions: (l) =>
      client.onPositions((drivers) =>
        l(
          drivers.map(
            (d): PositionFix => ({
              driverId: d.driverId,
              lat: d.lat,
              lon: d.lon,
              headingDeg: d.headingDeg,
              speedKmh: d.speedKmh,
              battery: d.battery,
              fixAt: d.fixAt,
              noSignal: d.noSignal,
            }),
          ),
        ),
      ),
    noSignalDrivers: () => client.noSignalDrivers(),
    onConflicts: (l) =>
      client.onStateChange((s) => {
        if (s.conflictCount === lastConflictCount) return;
        lastConflictCount = s.conflictCount;
        l(conflicts());
      }),
    stop: () => client.stop(),
  };
}

/** The connector the hosts give createApi: a real sync client per (server, token). */
export function realSyncConnector(replica: ReadonlyReplica & { sqlite: SyncClientReplica }): SyncConnector {
  return ({ serverUrl, token }) => adaptSyncClient(createSyncClient({ replica, serverUrl, token }), replica, serverUrl);
}

type SyncClientReplica = Parameters<typeof createSyncClient>[0]['replica']['sqlite'];
