// A real server and SQLite file with the alert scheduler attached, on a fake clock with manual
// ticks, for the scheduler's tests: boot (again on the same folder after a restart), move the
// clock and tick, read the recorded alerts back through the row codec. Every folder it made is
// removed by cleanup().
import { rmSync } from 'node:fs';
import type { AlertRow } from '../../shared/schema';
import type { AlertScheduler, SchedulerTimers } from '../alerts/alert-scheduler';
import { attachAlerts } from '../alerts/attach-alerts';
import type { MarshrutServer } from '../server';
import { startTestServer, type TestServer } from './test-server';

/** Astana local time (UTC+5) as epoch ms. */
export const astana = (day: string, hhmm: string): number => Date.parse(`${day}T${hhmm}:00+05:00`);

const manualTimers: SchedulerTimers = { set: () => 0, clear: () => undefined };

export interface SchedulerServer {
  /** The fake clock the server and the scheduler read. */
  clock: number;
  boot(dir?: string): Promise<void>;
  /** Closes (or kills, as if the process died) and boots again on the same file. */
  restart(how: 'close' | 'kill'): Promise<void>;
  server(): MarshrutServer;
  sched(): AlertScheduler;
  /** Sets the clock to `ms` and ticks the scheduler once. */
  at(ms: number): void;
  /** The recorded alerts (of one kind if given), oldest trigger first. */
  alerts(kind?: string): AlertRow[];
  cleanup(): Promise<void>;
}

export function schedulerServer(): SchedulerServer {
  let t: TestServer | null = null;
  let sched: AlertScheduler | null = null;
  const dirs: string[] = [];
  const h: SchedulerServer = {
    clock: 0,
    async boot(dir) {
      t = await startTestServer({ clock: () => h.clock }, ...(dir === undefined ? [] : [dir]));
      dirs.push(t.dir);
      sched = attachAlerts(t.server, { clock: () => h.clock, timers: manualTimers });
    },
    async restart(how) {
      const dir = (t as TestServer).dir;
      if (how === 'close') await h.server().close();
      else h.server().kill();
      t = null;
      await h.boot(dir);
    },
    server() {
      if (t === null) throw new Error('no server');
      return t.server;
    },
    sched() {
      if (sched === null) throw new Error('no scheduler');
      return sched;
    },
    at(ms) {
      h.clock = ms;
      h.sched().tick();
    },
    alerts(kind) {
      const sql = `SELECT * FROM alerts ${kind === undefined ? '' : 'WHERE kind = ?'} ORDER BY triggered_at, kind, due_at, id`;
      const rows = h.server().db.sqlite.prepare(sql).all(...(kind === undefined ? [] : [kind])) as Record<string, unknown>[];
      return rows.map((r) => h.server().engine.tables.alerts.codec.fromRecord(r) as AlertRow);
    },
    async cleanup() {
      await t?.server.close();
      t = null;
      sched = null;
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
  return h;
}
