// What the end-to-end specs start and drive: the primary console (Playwright's webServer, an
// embedded demo server on a fixed port), further consoles on that server, isolated
// server+console pairs, and direct API calls to a console's host (as another user would).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import type { ApiResponse, MethodName } from '../shared/api/contract';
import type { Reply } from '../shared/api/wire';
import { killOnExit, startEmbeddedServer, tsxCommand, type DemoToken, type EmbeddedServer } from '../main/start/embedded-server';
import { projectRoot } from '../main/start/paths';

/**
 * Every port a spec uses is E2E_PORT_BASE + an offset of its own, so two runs on one machine
 * (several engineers) don't collide: `MARSHRUT_E2E_PORT_BASE=6190 npm run test:e2e`.
 * Offsets: 0 primary console, 1 its server, 2 second console, 3-4 offline server+console,
 * 5 warehouse-role console, 7 scanner console, 8 supervisor, 9 admin, 10 logistician,
 * 60-63 refused-edit (server, two consoles, the relay it cuts);
 * take a free one for a new spec.
 */
export const E2E_PORT_BASE = Number(process.env.MARSHRUT_E2E_PORT_BASE ?? 5190);
export function e2ePort(offset: number): number {
  return E2E_PORT_BASE + offset;
}
export const E2E_DIR = `/tmp/marshrut-e2e-${E2E_PORT_BASE}`;
export const PRIMARY = {
  hostPort: e2ePort(0),
  serverPort: e2ePort(1),
  userData: path.join(E2E_DIR, 'primary'),
  get url(): string {
    return `http://127.0.0.1:${this.hostPort}/`;
  },
  get serverUrl(): string {
    return `http://127.0.0.1:${this.serverPort}`;
  },
};

/**
 * The renderer the consoles serve: a copy of out/renderer taken when the run starts, so a
 * rebuild by someone else mid-run (electron-vite empties out/) can't pull it from under us.
 */
export const E2E_RENDERER = path.join(E2E_DIR, 'renderer');

export function snapshotRenderer(): void {
  const built = path.join(projectRoot(), 'out', 'renderer');
  if (!fs.existsSync(path.join(built, 'index.html'))) throw new Error('No built renderer: run `npx electron-vite build` first (npm run test:e2e does)');
  fs.rmSync(E2E_RENDERER, { recursive: true, force: true });
  fs.cpSync(built, E2E_RENDERER, { recursive: true });
}

/** Quiet settings for tests: no tile server on the internet, English UI. */
export function prepareUserData(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ tileUrl: '', language: 'en' }));
}

export function primaryTokens(): DemoToken[] {
  return JSON.parse(fs.readFileSync(path.join(PRIMARY.userData, 'embedded-server', 'demo-tokens.json'), 'utf8')) as DemoToken[];
}

export function tokenFor(tokens: DemoToken[], roleOrId: string): string {
  const t = tokens.find((x) => x.userId === roleOrId) ?? tokens.find((x) => x.role === roleOrId);
  if (!t) throw new Error(`no demo token for ${roleOrId}`);
  return t.token;
}

export interface HostProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A browser-host console (its own replica) signed in to `serverUrl` with `token`. */
export async function startHost(opts: { serverUrl: string; token: string; port: number; name: string }): Promise<HostProcess> {
  const userData = path.join(E2E_DIR, opts.name);
  prepareUserData(userData);
  const cmd = tsxCommand('main/hosts/web-cli.ts', [
    // `--token=` form: a base64url token may start with "-", which would read as an option.
    `--server=${opts.serverUrl}`,
    `--token=${opts.token}`,
    `--port=${opts.port}`,
    `--user-data=${userData}`,
    `--renderer=${E2E_RENDERER}`,
  ]);
  const child = spawn(cmd.command, cmd.args, { cwd: projectRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
  killOnExit(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`console ${opts.name} did not start:\n${out}`)), 60_000);
    const on = (c: Buffer): void => {
      out += c.toString();
      const m = /open (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', on);
    child.stderr.on('data', on);
    child.once('exit', (code) => reject(new Error(`console ${opts.name} exited ${code}:\n${out}`)));
  });
  return {
    url,
    port: opts.port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A central server with demo data of its own (for tests that stop and restart it). */
export function startIsolatedServer(name: string, port: number, fresh = true): Promise<EmbeddedServer> {
  const dir = path.join(E2E_DIR, name);
  if (fresh) fs.rmSync(dir, { recursive: true, force: true });
  return startEmbeddedServer({ dir, port, timeoutMs: 120_000 });
}

/**
 * The per-run cookie a console's page sets; its /api socket accepts nothing without it.
 * Cached per host URL: it holds for the host's whole run (a restarted host gets a new one).
 */
const hostCookies = new Map<string, string>();
async function hostCookie(hostUrl: string, fresh = false): Promise<string> {
  const known = hostCookies.get(hostUrl);
  if (known !== undefined && !fresh) return known;
  const res = await fetch(hostUrl);
  await res.arrayBuffer();
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`${hostUrl} set no session cookie (HTTP ${res.status})`);
  hostCookies.set(hostUrl, cookie);
  return cookie;
}

/** Calls a console host's typed API the way its renderer does (one WebSocket, one call, the page's cookie). */
export async function callHost<K extends MethodName>(hostUrl: string, method: K, args: unknown): Promise<ApiResponse<K>> {
  try {
    return await callHostOnce(hostUrl, method, args, await hostCookie(hostUrl));
  } catch (e) {
    // A host restarted on the same URL minted a new secret: fetch the page again once.
    if (!(e instanceof Error) || !/Unexpected server response: 401/.test(e.message)) throw e;
    return callHostOnce(hostUrl, method, args, await hostCookie(hostUrl, true));
  }
}

async function callHostOnce<K extends MethodName>(hostUrl: string, method: K, args: unknown, cookie: string): Promise<ApiResponse<K>> {
  const ws = new WebSocket(`${hostUrl.replace(/^http/, 'ws').replace(/\/$/, '')}/api`, { headers: { Cookie: cookie } });
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const reply = await new Promise<Reply<unknown>>((resolve) => {
      ws.on('message', (d) => {
        const f = JSON.parse(d.toString()) as { type: string; id?: number; reply?: Reply<unknown> };
        if (f.type === 'reply' && f.id === 1 && f.reply) resolve(f.reply);
      });
      ws.send(JSON.stringify({ type: 'call', id: 1, method, args }));
    });
    if (!reply.ok) throw new Error(`${method}: ${reply.error.code}: ${reply.error.message}`);
    return reply.value as ApiResponse<K>;
  } finally {
    ws.close();
  }
}

/** Waits until a console's host is online and has applied the server's data once. */
export async function untilSynced(hostUrl: string, timeoutMs = 90_000): Promise<void> {
  await eventually(async () => {
    const c = await callHost(hostUrl, 'connectionState', {});
    return c.status === 'online' && c.lastSyncAt !== null;
  }, timeoutMs);
}

/** Polls until `fn` returns a value (not undefined/false) or times out. */
export async function eventually<T>(fn: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}
