// Session, connection, conflicts and settings: who is at the console, what they may do, and
// where the console connects. Changing the server URL or token reconnects the sync client.
import type { OrderAction } from '../../shared/api/orders-api';
import type { CommandResult } from '../../shared/api/define';
import type { ApiParsedRequest } from '../../shared/api/contract';
import type { ConflictView, SessionView, SettingsView } from '../../shared/api/session-api';
import type { Actor } from '../../shared/domain/vocabulary';
import type { ReadonlyReplica } from '../db/open-replica';
import { effectiveSlaPolicies, regionCalendars } from '../db/queries/alerts-queries';
import type { SettingsStore } from '../settings/settings-store';
import type { SyncLink } from '../sync/sync-link';

export function sessionHandlers(deps: {
  link: SyncLink;
  settings: SettingsStore;
  replica: ReadonlyReplica;
  serverMode: SettingsView['serverMode'];
  now: () => number;
  sessionActions: () => OrderAction[];
  warehouseOfUser: () => string | null;
  actor: () => Actor | null;
}) {
  const { link, settings } = deps;
  const settingsView = (): SettingsView => {
    const s = settings.get();
    return {
      serverUrl: s.serverUrl,
      hasToken: s.token !== null,
      language: s.language,
      tileUrl: s.tileUrl,
      tileAttribution: s.tileAttribution,
      geocoderUrl: s.geocoderUrl,
      historyDays: s.historyDays,
      serverMode: s.serverUrl === null ? 'none' : deps.serverMode,
    };
  };
  return {
    session(): SessionView {
      const u = link.user();
      const s = settings.get();
      return {
        user: u ? { id: u.id, name: u.name, role: u.role, warehouseId: deps.warehouseOfUser() } : null,
        actor: deps.actor(),
        actions: deps.sessionActions(),
        configured: s.serverUrl !== null && s.token !== null,
        slaPolicies: effectiveSlaPolicies(deps.replica),
        calendars: regionCalendars(deps.replica),
      };
    },
    connectionState: () => link.connection(),
    listConflicts: (): ConflictView[] => link.current()?.conflicts() ?? [],
    acknowledgeConflict(a: ApiParsedRequest<'acknowledgeConflict'>): CommandResult {
      const sync = link.current();
      if (!sync) return { ok: false, code: 'unavailable', message: 'Not connected to a sync client' };
      return sync.acknowledgeConflict(a.id)
        ? { ok: true, mid: null }
        : { ok: false, code: 'not_found', message: `Conflict ${a.id} does not exist or was already acknowledged` };
    },
    getSettings: settingsView,
    async setSettings(patch: ApiParsedRequest<'setSettings'>): Promise<CommandResult> {
      const before = settings.get();
      const after = settings.update(patch);
      if (before.serverUrl !== after.serverUrl || before.token !== after.token) {
        // A new server or user: the old user's role must not linger in the UI.
        settings.update({ lastUser: null });
        await link.reconnect();
      }
      return { ok: true, mid: null };
    },
    now: () => ({ now: deps.now() }),
  };
}
