// The consoles a spec starts for itself, once before its tests and stopped after them: one more
// console on the primary server (another user), or a server of its own with a console per role
// (a spec that changes the server's state: SLA rules, demo orders, drivers' shifts, so the other
// specs never see its edits). Each is read inside a test by its `url`.
import { test } from '@playwright/test';
import type { UserRole } from '../shared/domain/vocabulary';
import type { EmbeddedServer } from '../main/start/embedded-server';
import { e2ePort, PRIMARY, primaryTokens, startHost, startIsolatedServer, tokenFor, untilSynced, type HostProcess } from './harness';

/** A console the spec started; its url exists only inside a test (it starts in beforeAll). */
export interface SpecConsole {
  readonly url: string;
}

function specConsole(name: string, host: () => HostProcess | undefined): SpecConsole {
  return {
    get url() {
      const started = host();
      if (started === undefined) throw new Error(`the ${name} console exists only inside a test`);
      return started.url;
    },
  };
}

/**
 * Console `name` on the primary server at port offset `port`, signed in as the demo user `userId`.
 * `putBack` undoes, through that console, what the spec changed on the shared server (the other
 * specs expect the demo's settings); it runs after the tests, before the console stops.
 */
export function consoleOnPrimary(name: string, port: number, userId: string, putBack?: (url: string) => Promise<void>): SpecConsole {
  let host: HostProcess | undefined;
  test.beforeAll(async () => {
    host = await startHost({ serverUrl: PRIMARY.serverUrl, token: tokenFor(primaryTokens(), userId), port: e2ePort(port), name });
    await untilSynced(host.url);
  });
  test.afterAll(async () => {
    try {
      if (host !== undefined && putBack !== undefined) await putBack(host.url);
    } finally {
      await host?.stop();
    }
  });
  return specConsole(name, () => host);
}

/** The spec's own server and its consoles by role; `server()` only inside a test (it starts in beforeAll). */
export type OwnServer<R extends UserRole> = Record<R, SpecConsole> & { server(): EmbeddedServer };

/**
 * `name`-server at port offset `firstPort`, and a console `name`-<role> for each role (its demo
 * user) on the ports after it, in order; the file's tests start once every console has synced.
 */
export function ownServerWithConsoles<R extends UserRole>(name: string, firstPort: number, roles: readonly R[]): OwnServer<R> {
  let server: EmbeddedServer | undefined;
  const hosts = new Map<R, HostProcess>();
  test.beforeAll(async () => {
    const started = await startIsolatedServer(`${name}-server`, e2ePort(firstPort));
    server = started;
    for (const [i, role] of roles.entries()) {
      hosts.set(role, await startHost({ serverUrl: started.url, token: started.tokenFor(role), port: e2ePort(firstPort + 1 + i), name: `${name}-${role}` }));
    }
    await Promise.all([...hosts.values()].map((host) => untilSynced(host.url)));
  });
  test.afterAll(async () => {
    for (const role of [...roles].reverse()) await hosts.get(role)?.stop();
    await server?.stop();
  });
  const consoles = Object.fromEntries(roles.map((role) => [role, specConsole(`${name} ${role}`, () => hosts.get(role))])) as Record<R, SpecConsole>;
  return Object.assign(consoles, {
    server(): EmbeddedServer {
      if (server === undefined) throw new Error(`the ${name} server exists only inside a test`);
      return server;
    },
  });
}
