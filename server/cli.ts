// `npm run server -- [serve] [--port 8080] [--host 127.0.0.1] [--db ./data/server.db] [--demo] [--gps-port 5055] [--gps-host 0.0.0.0]`
// `npm run server -- user add --name NAME --role ROLE [--warehouse ID]`   prints a new token
// `npm run server -- user list` | `user revoke USER_ID` | `user token USER_ID`
// `npm run server -- compact`   drops deletion tombstones (old clients then get a snapshot)
// `npm run server -- backup --db FILE --to FILE` | `restore --from FILE --db FILE`   (server/backup)
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEMO_LIMITS, type DemoOptions } from '../shared/demo/demo-options';
import { USER_ROLES } from '../shared/domain/vocabulary';
import { summarize } from '../shared/protocol';
import { UserDirectory, UserDirectoryError } from './auth/user-tokens';
import { openServerDb } from './db/open-server-db';
import { attachAlerts } from './alerts/attach-alerts';
import { attachDriver } from './driver/attach-driver';
import { attachMessages } from './messages/attach-messages';
import { DEFAULT_GPS_HOST } from './gps/attach-gps';
import { attachIngest } from './gps/attach-ingest';
import { deviceCommand, DEVICE_USAGE } from './gps/device-command';
import { DEFAULT_SERVER_HOST, startServer, type ServerOptions } from './server';
import { parseInterval } from './backup/backup-schedule';
import { copyDatabase } from './backup/copy-database';
import { restoreDatabase } from './backup/restore-database';
import { createLogger } from '../platform/log/logger';
import { SyncEngine } from './sync/sync-engine';
import { parseMaxConnectionsPerUser } from './sync/flow-limits';

const USAGE = `Usage:
  npm run server -- [--port 8080] [--host 127.0.0.1] [--db ./data/server.db] [--demo [--demo-orders N] [--demo-carriers N] [--demo-drivers N]]
  npm run server -- user add --name NAME --role ${USER_ROLES.join('|')} [--warehouse ID] [--db FILE]
  npm run server -- user list [--db FILE]
  npm run server -- user revoke USER_ID [--db FILE]
  npm run server -- user token USER_ID [--db FILE]
  npm run server -- compact [--db FILE]
  npm run server -- backup --to FILE [--db FILE]      a checked copy, safe while the server runs
  npm run server -- restore --from FILE [--db FILE]   only while no server runs on --db
  npm run server -- [serve] --backup-dir DIR [--backup-every 1h] [--backup-keep 48]
  npm run server -- [serve] [--max-connections-per-user 10]
  npm run server -- [serve] [--gps-port 5055] [--gps-host 0.0.0.0] [--courier-config FILE] [--public-url URL] [--messages-config FILE]
${DEVICE_USAGE.split('\n').map((l) => `  npm run server -- ${l}`).join('\n')}

  --host ADDR      sync, REST and courier webhooks (default ${DEFAULT_SERVER_HOST}: this machine only;
                   --host 0.0.0.0 for desktops on other machines and couriers' webhooks)
  --gps-host ADDR  the OsmAnd GPS port (default ${DEFAULT_GPS_HOST}: drivers' phones must reach it;
                   it accepts fixes only from devices an admin bound)
  --public-url URL where drivers' phones reach this server (sign-in links for /driver point there;
                   default: the server's own address)`;

const addUserArgs = z.object({
  name: z.string().trim().min(1, 'give --name'),
  role: z.enum(USER_ROLES, { message: `--role must be one of ${USER_ROLES.join(', ')}` }),
  warehouse: z.string().min(1).optional(),
});

/** `--demo` with optional sizes (`--demo-orders 20000`): the demo's defaults, or an error to print. */
function demoOption(demo: boolean, orders?: string, carriers?: string, drivers?: string): boolean | DemoOptions | string {
  const sizes: Partial<Record<'orders' | 'carriers' | 'drivers', number>> = {};
  for (const [name, raw] of [['orders', orders], ['carriers', carriers], ['drivers', drivers]] as const) {
    if (raw === undefined) continue;
    if (!demo) return `--demo-${name} needs --demo`;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n > DEMO_LIMITS[name]) return `--demo-${name} must be a whole number from 0 to ${DEMO_LIMITS[name]}, got ${raw}`;
    sizes[name] = n;
  }
  return Object.keys(sizes).length === 0 ? demo : { now: Date.now(), ...sizes };
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      db: { type: 'string' },
      demo: { type: 'boolean' },
      name: { type: 'string' },
      role: { type: 'string' },
      warehouse: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      'gps-port': { type: 'string' },
      host: { type: 'string' },
      'gps-host': { type: 'string' },
      'courier-config': { type: 'string' },
      new: { type: 'boolean' },
      to: { type: 'string' },
      from: { type: 'string' },
      'backup-dir': { type: 'string' },
      'backup-every': { type: 'string' },
      'backup-keep': { type: 'string' },
      'public-url': { type: 'string' },
      'messages-config': { type: 'string' },
      'max-connections-per-user': { type: 'string' },
      'demo-orders': { type: 'string' },
      'demo-carriers': { type: 'string' },
      'demo-drivers': { type: 'string' },
    },
  });
  const dbFile = values.db ?? './data/server.db';
  const [command = 'serve', sub, arg] = positionals;
  if (values.help === true) return print(USAGE, 0);

  const logger = createLogger();
  if (command === 'serve') {
    const port = values.port === undefined ? 8080 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) return print(`--port must be 0-65535, got ${values.port}`, 2);
    const host = values.host ?? DEFAULT_SERVER_HOST;
    const gpsHost = values['gps-host'] ?? DEFAULT_GPS_HOST;
    if (host.trim() === '' || gpsHost.trim() === '') return print('--host and --gps-host need an address (e.g. 127.0.0.1 or 0.0.0.0)', 2);
    const backup = backupOptions(values['backup-dir'], values['backup-every'], values['backup-keep']);
    if (typeof backup === 'string') return print(`${backup}\n\n${USAGE}`, 2);
    const perUser = values['max-connections-per-user'] === undefined ? undefined : parseMaxConnectionsPerUser(values['max-connections-per-user']);
    if (typeof perUser === 'string') return print(`${perUser}\n\n${USAGE}`, 2);
    const syncLimits = perUser === undefined ? {} : { syncLimits: { maxConnectionsPerUser: perUser } };
    const demo = demoOption(values.demo === true, values['demo-orders'], values['demo-carriers'], values['demo-drivers']);
    if (typeof demo === 'string') return print(`${demo}\n\n${USAGE}`, 2);
    const server = await startServer({ port, host, dbFile, demo, logger, ...(backup ? { backup } : {}), ...syncLimits });
    if (backup) console.log(`Backups every ${values['backup-every'] ?? '1h'} to ${backup.dir}, the newest ${backup.keep} kept`);
    const alerts = attachAlerts(server); // SLA alerts and reminders (server/alerts)
    // GPS port + courier webhooks (server/gps). --port 0 (tests, embedded servers) also picks a free GPS port.
    const gpsPort = values['gps-port'] === undefined ? (port === 0 ? 0 : undefined) : Number(values['gps-port']);
    const ingest = await attachIngest(server, { gpsPort, host: gpsHost, courierConfigFile: values['courier-config'], demo: values.demo === true }).catch(async (e: unknown) => {
      await server.close(); // e.g. the GPS port is taken: stop, don't serve half a server
      throw e;
    });
    // The driver's phone page at /driver and its API (server/driver); its positions join the GPS pipeline.
    attachDriver(server, { gps: ingest.gps.ingest, ...(values['public-url'] === undefined ? {} : { publicUrl: values['public-url'] }) });
    // Predicted arrivals, tracking page, customer and staff messages (server/messages).
    const messages = (() => {
      try {
        return attachMessages(server, {
          ...(values['messages-config'] === undefined ? {} : { configFile: values['messages-config'] }),
          ...(values['public-url'] === undefined ? {} : { publicUrl: values['public-url'] }),
        });
      } catch (e) {
        void server.close();
        throw e;
      }
    })();
    // The alerts' "predicted late" uses the same predictions as the messages and the tracking page.
    alerts.usePredictions((order, now) => messages.arrival.predict(order, now)?.at ?? null);
    // Staff hear of their new alerts by Telegram / e-mail, queued with the alert itself.
    alerts.onRecorded((tx, created, now) => messages.staff.queue(tx, created, now));
    console.log(`GPS (OsmAnd) on port ${ingest.gps.port}; courier webhooks on ${server.url}/integrations/:provider/webhook`);
    console.log(`Tracking links ${messages.config.publicUrl}/t/<token>; message channels: ${[messages.config.sms && 'SMS', messages.config.smtp && 'e-mail', messages.config.telegram && 'Telegram'].filter(Boolean).join(', ') || 'none configured'}`);
    console.log(`Marshrut server on ${server.url} (ws ${server.url.replace('http', 'ws')}/sync), database ${dbFile}`);
    if (host === '127.0.0.1' || host === 'localhost' || host === '::1') {
      console.log(`Bound to ${host} only: desktops on other machines and courier webhooks need --host 0.0.0.0`);
    }
    const shutdown = (): void => {
      void server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    return new Promise<number>(() => undefined); // serves until a signal
  }

  if (command === 'backup') {
    if (values.to === undefined) return print(`backup: give --to FILE\n\n${USAGE}`, 2);
    try {
      const r = await copyDatabase(dbFile, values.to);
      return print(`Backed up ${dbFile} to ${r.file}: ${r.bytes} bytes, integrity_check ok, in ${r.ms} ms`, 0);
    } catch (e) {
      return print(`backup failed, nothing written to ${values.to}: ${e instanceof Error ? e.message : String(e)}`, 1);
    }
  }
  if (command === 'restore') {
    if (values.from === undefined) return print(`restore: give --from FILE\n\n${USAGE}`, 2);
    try {
      const r = await restoreDatabase(values.from, dbFile);
      return print(
        `Restored ${values.from} to ${r.db} (${r.bytes} bytes, integrity_check ok, new epoch ${r.epoch}).` +
          (r.previous ? ` The replaced database is kept at ${r.previous}.` : '') +
          ' Desktops resync when they reconnect; their unsent edits are kept.',
        0,
      );
    } catch (e) {
      return print(`restore refused: ${e instanceof Error ? e.message : String(e)}`, 1);
    }
  }

  const db = openServerDb(dbFile);
  try {
    const engine = new SyncEngine(db.sqlite, Date.now, logger.child({ component: 'sync' }));
    const users = new UserDirectory(db.sqlite, engine, Date.now);
    if (command === 'compact') {
      const head = engine.log.headSeq();
      const { dropped } = engine.log.compact(head + 1);
      return print(`compacted: ${dropped} tombstones dropped; clients with a cursor below ${head + 1} get a snapshot`, 0);
    }
    // GPS devices (server/gps); `--new` is parsed as an option here and handed back as a word.
    if (command === 'device') return await deviceCommand(values.new === true ? [positionals[1] ?? '', '--new', ...positionals.slice(2)] : positionals.slice(1), db.sqlite);
    if (command !== 'user') return print(USAGE, 2);
    if (sub === 'add') {
      const parsed = addUserArgs.safeParse({ name: values.name, role: values.role, warehouse: values.warehouse });
      if (!parsed.success) return print(`user add: ${summarize(parsed.error)}\n\n${USAGE}`, 2);
      const { name, role, warehouse } = parsed.data;
      let added: ReturnType<typeof users.addUser>;
      try {
        added = users.addUser({ name, role, warehouseId: warehouse ?? null });
      } catch (e) {
        if (e instanceof UserDirectoryError) return print(`user add: ${e.message}`, 2);
        throw e;
      }
      const { user, token } = added;
      console.error(`Added ${user.role} "${user.name}" (${user.id}). Their token (shown once):`);
      return print(token, 0);
    }
    if (sub === 'list') {
      for (const u of users.list()) {
        console.log(`${u.id}\t${u.role}\t${u.active ? 'active' : 'revoked'}\t${u.activeTokens} token(s)\t${u.warehouseId ?? '-'}\t${u.name}`);
      }
      return 0;
    }
    if (sub === 'revoke') {
      if (arg === undefined) return print(`user revoke: give the user id\n\n${USAGE}`, 2);
      return users.revokeUser(arg) ? print(`Revoked ${arg}: their tokens no longer work`, 0) : print(`No user ${arg}`, 1);
    }
    if (sub === 'token') {
      if (arg === undefined) return print(`user token: give the user id\n\n${USAGE}`, 2);
      try {
        return print(users.issueToken(arg), 0);
      } catch (e) {
        return print(e instanceof Error ? e.message : String(e), 1);
      }
    }
    return print(USAGE, 2);
  } finally {
    db.sqlite.close();
  }
}

/** --backup-* flags -> options, undefined (no backups) or the problem. */
function backupOptions(dir: string | undefined, every: string | undefined, keep: string | undefined): ServerOptions['backup'] | string | undefined {
  if (dir === undefined) return every === undefined && keep === undefined ? undefined : '--backup-every and --backup-keep need --backup-dir DIR';
  if (dir.trim() === '') return '--backup-dir needs a directory';
  const everyMs = parseInterval(every ?? '1h');
  if (everyMs === null) return `--backup-every must be a duration such as 30m, 1h or 1d (at least 1s), got "${every}"`;
  const keepN = keep === undefined ? 48 : Number(keep);
  if (!Number.isInteger(keepN) || keepN < 1 || keepN > 100_000) return `--backup-keep must be a whole number from 1, got "${keep}"`;
  return { dir, everyMs, keep: keepN };
}

function print(text: string, code: number): number {
  (code === 0 ? console.log : console.error)(text);
  return code;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
