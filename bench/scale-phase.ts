// What bench:scale measures over one phase: the server's CPU (share of one core, from /proc),
// peak RSS and its own report (event-loop delay, fullest ws send buffer, GPS and flow
// counters), the desktops' processes' CPU and reports, this process's CPU and event-loop delay
// (the phones and the shop), the machine's load; and the lines that print them.
import fs from 'node:fs';
import os from 'node:os';
import type { IntervalHistogram } from 'node:perf_hooks';
import type { ScriptProcess } from '../e2e/sync/server-child';
import type { GpsCounters } from '../server/gps/gps-counters';
import type { DesktopsReport } from './scale-desktops';
import { loopDelayMs, quantile } from './scale-accounting';

export const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ');
export const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;

/** utime + stime of a process in clock ticks, and its RSS in bytes (Linux /proc). */
function procStats(pid: number): { ticks: number; rss: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return { ticks, rss: rssKb * 1024 };
}
const TICKS_PER_SECOND = 100;

export interface ServerStats {
  eventLoopDelay: { p50: number; p99: number; max: number };
  maxBuffered: number;
  sessions: number;
  gps: GpsCounters;
  flow: { refusedPerUserLimit: number; droppedSlowCatchUp: number; droppedSlowLive: number };
}

/** Numbers the questions asked of child processes: their answers are matched by it. */
let asked = 0;

/** Asks a child process `question I` and resolves with its answer carrying `key` and id I. */
export function ask<T>(child: ScriptProcess, question: string, key: string): Promise<T> {
  const id = ++asked;
  const answer = child.next<Record<string, unknown>>((m) => m[key] !== undefined && m['id'] === id);
  child.send(`${question} ${id}`);
  return answer.then((m) => m[key] as T);
}

export const serverStats = (server: ScriptProcess): Promise<ServerStats> => ask<ServerStats>(server, 'stats', 'stats');

export const desktopsReports = (batches: readonly ScriptProcess[]): Promise<DesktopsReport[]> =>
  Promise.all(batches.map((b) => ask<DesktopsReport>(b, 'report', 'report')));

/** Latency histogram of the fixes whose time lies in [from, to]. */
export function latency(reports: readonly DesktopsReport[], from: number, to: number): Map<number, number> {
  const hist = new Map<number, number>();
  for (const r of reports) {
    for (const [at, byMs] of Object.entries(r.hist)) {
      if (Number(at) < from || Number(at) > to) continue;
      for (const [ms, n] of Object.entries(byMs)) hist.set(Number(ms), (hist.get(Number(ms)) ?? 0) + n);
    }
  }
  return hist;
}

export function pcts(hist: Map<number, number>): string {
  let n = 0;
  for (const v of hist.values()) n += v;
  return `p50 ${quantile(hist, 0.5)} ms, p95 ${quantile(hist, 0.95)} ms, p99 ${quantile(hist, 0.99)} ms over ${n} receipts`;
}

export interface PhaseEnd {
  seconds: number;
  serverCpu: number;
  rssMax: number;
  deskCpuMax: number;
  deskLagP99: number;
  ownCpu: number;
  ownLagP99: number;
  server: ServerStats;
  load: string;
  reports: DesktopsReport[];
}

export const serverLine = (p: PhaseEnd): string =>
  `CPU ${p.serverCpu.toFixed(0)}% of one core, RSS max ${mb(p.rssMax)}, event-loop delay p50 ${p.server.eventLoopDelay.p50} / p99 ${p.server.eventLoopDelay.p99} / max ${p.server.eventLoopDelay.max} ms, fullest ws send buffer ${(p.server.maxBuffered / 1024).toFixed(0)} KB`;
export const clientsLine = (p: PhaseEnd): string =>
  `busiest desktops process ${p.deskCpuMax.toFixed(0)}% of one core, their event-loop delay p99 up to ${p.deskLagP99} ms; phones and shop ${p.ownCpu.toFixed(0)}% of one core, event-loop delay p99 ${p.ownLagP99.toFixed(0)} ms`;

/** CPU (share of one core), peak RSS and the event-loop delays of one phase. */
export class Phase {
  private readonly t0 = performance.now();
  private readonly serverCpu0: number;
  private readonly deskCpu0: number[];
  private readonly ownCpu0 = process.cpuUsage();
  private rssMax: number;
  readonly load0 = load();

  constructor(
    private readonly serverPid: number,
    private readonly deskPids: number[],
    /** This process's event-loop delay (the phones and the shop). */
    private readonly lag: IntervalHistogram,
  ) {
    const s = procStats(serverPid);
    this.serverCpu0 = s.ticks;
    this.rssMax = s.rss;
    this.deskCpu0 = deskPids.map((p) => procStats(p).ticks);
    lag.reset();
  }

  /** Called every second: RSS is a peak, so it is sampled. */
  sample(): void {
    this.rssMax = Math.max(this.rssMax, procStats(this.serverPid).rss);
  }

  async end(server: ScriptProcess, batches: readonly ScriptProcess[]): Promise<PhaseEnd> {
    this.sample();
    const seconds = (performance.now() - this.t0) / 1000;
    const share = (ticks: number): number => (100 * ticks) / TICKS_PER_SECOND / seconds;
    const serverCpu = share(procStats(this.serverPid).ticks - this.serverCpu0);
    const deskCpuMax = Math.max(...this.deskPids.map((p, i) => share(procStats(p).ticks - (this.deskCpu0[i] as number))));
    const own = process.cpuUsage(this.ownCpu0);
    const ownCpu = (100 * (own.user + own.system)) / 1e6 / seconds;
    const ownLagP99 = loopDelayMs(this.lag.percentile(99));
    const [stats, reports] = await Promise.all([serverStats(server), desktopsReports(batches)]);
    const deskLagP99 = Math.max(...reports.map((r) => r.eventLoopDelay.p99));
    return { seconds, serverCpu, rssMax: this.rssMax, deskCpuMax, deskLagP99, ownCpu, ownLagP99, server: stats, load: load(), reports };
  }
}
