// Desks for the end-to-end sync tests: a desktop's back half (createApi over a replica file of its
// own, the real sync connector) signed in to the test's server as a new user of a role, and
// closed together after the test; the typed API's answers unwrapped; a probe polled until the
// desk's replica has caught up by sync.
import type { Reply } from '../../shared/api/wire';
import type { UserRole } from '../../shared/domain/vocabulary';
import { createApi, type Api } from '../../main/api/create-api';
import { openReplica, type Replica } from '../../main/db/open-replica';
import { memorySettings } from '../../main/settings/settings-store';
import { realSyncConnector } from '../../main/sync/sync-link';
import type { MarshrutServer } from '../../server/server';
import { addUser, waitFor, type SeededUser, type TestDir } from './harness';

export interface Desk {
  api: Api;
  user: SeededUser;
  replica: Replica;
}

/** Desks on the server and folder `at()` gives now (tests start both in beforeEach). */
export function deskSet(at: () => { server: MarshrutServer; dir: TestDir }) {
  const open: Desk[] = [];
  return {
    async open(role: UserRole, name: string): Promise<Desk> {
      const { server, dir } = at();
      const user = addUser(server, name, role);
      const replica = openReplica(dir.file(`${user.id}.db`));
      const api = createApi({ replica, settings: memorySettings({ serverUrl: server.url, token: user.token }), connect: realSyncConnector(replica) });
      open.push({ api, user, replica });
      await waitFor(`${name} signed in`, () => api.link.user() !== null, 10_000);
      return { api, user, replica };
    },
    async closeAll(): Promise<void> {
      for (const d of open.splice(0)) {
        await d.api.close();
        d.replica.close();
      }
    },
  };
}

/** The typed API's answer, or the refusal thrown with its code. */
export function value<T>(r: Reply<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** Polls `probe` until it answers something (the desk's replica catches up by sync). */
export async function eventually<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
