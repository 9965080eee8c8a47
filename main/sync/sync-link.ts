// Holds the current sync client and swaps it when the server URL or token changes, passing
// its events to the hub under their own names. Without a configured server there is no
// client: the console reads the replica and says it is offline.
import type { ConnectionView } from '../../shared/api/session-api';
import type { SessionUser } from '../../shared/protocol/messages';
import type { ReadonlyReplica } from '../db/open-replica';
import type { EventHub } from '../api/event-hub';
import type { SettingsStore } from '../settings/settings-store';
import { createSyncClient, type SyncClient, type SyncClientOptions } from './sync-client';
import { SYNC_EVENTS } from './sync-events';

/** What the console uses of a sync client (test fakes implement just this). */
export type LinkedSync = Pick<
  SyncClient,
  'mutate' | 'mutateAll' | 'durable' | 'on' | 'connection' | 'user' | 'conflicts' | 'acknowledgeConflict' | 'noSignalDrivers' | 'importProgress' | 'stop'
>;

export interface SyncTarget {
  serverUrl: string;
  token: string;
  /** The sync window the settings ask for (days). */
  historyDays?: number;
}

/** Makes a started client for a server. */
export type SyncConnector = (target: SyncTarget) => LinkedSync;

/** The connector the hosts give createApi: a real sync client per (server, token). */
export function realSyncConnector(replica: SyncClientOptions['replica']): SyncConnector {
  return ({ serverUrl, token, historyDays }) => {
    const client = createSyncClient({ replica, serverUrl, token, ...(historyDays === undefined ? {} : { historyDays }) });
    client.start();
    return client;
  };
}

export interface SyncLink {
  current(): LinkedSync | null;
  connection(): ConnectionView;
  user(): SessionUser | null;
  /** Stops the current client and starts one for the saved settings (if complete). */
  reconnect(): Promise<void>;
  stop(): Promise<void>;
}

export function createSyncLink(deps: {
  settings: SettingsStore;
  connect: SyncConnector | null;
  hub: EventHub;
  replica: ReadonlyReplica;
}): SyncLink {
  const { settings, hub, replica } = deps;
  let sync: LinkedSync | null = null;
  let unsubscribe: (() => void)[] = [];

  const offline = (): ConnectionView => {
    const pending = (replica.prepareRead('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;
    const s = settings.get();
    return {
      status: 'offline',
      pending,
      lastSyncAt: null,
      serverUrl: s.serverUrl,
      error: s.serverUrl === null || s.token === null ? 'No server configured' : 'Not connected',
    };
  };

  const rememberUser = (): void => {
    const u = sync?.user() ?? null;
    const last = settings.get().lastUser;
    if (u && (last?.id !== u.id || last.role !== u.role || last.name !== u.name)) {
      settings.update({ lastUser: { id: u.id, name: u.name, role: u.role } });
    }
  };

  const start = (): void => {
    const s = settings.get();
    if (!deps.connect || s.serverUrl === null || s.token === null) return;
    sync = deps.connect({ serverUrl: s.serverUrl, token: s.token, historyDays: s.historyDays });
    const client = sync;
    unsubscribe = [
      client.on('connection', rememberUser),
      ...SYNC_EVENTS.map((event) => client.on(event, (payload) => hub.emit(event, payload))),
    ];
  };

  const stopCurrent = async (): Promise<void> => {
    for (const u of unsubscribe) u();
    unsubscribe = [];
    const old = sync;
    sync = null;
    if (old) await old.stop();
  };

  start();
  return {
    current: () => sync,
    connection: () => sync?.connection() ?? offline(),
    user: () => sync?.user() ?? settings.get().lastUser,
    async reconnect() {
      await stopCurrent();
      start();
      hub.emit('connection', sync?.connection() ?? offline());
    },
    stop: stopCurrent,
  };
}
