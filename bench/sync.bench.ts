// Sync benchmarks: `npm run bench:sync` (tsx bench/sync.bench.ts [catchup|reconnect|live|race|fsync ...]).
// Each figure is compared with a limit measured in the same run (the machine is shared and
// noisy, so absolute numbers mean little): raw SQLite, a bare ws echo, or a fixed target.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { benchCatchUp, benchReconnect } from './sync-catchup.bench';
import { benchLive } from './sync-live.bench';
import { benchRace } from './sync-race.bench';
import { benchFsync } from './sync-fsync.bench';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** What the value is compared with, measured in this run (or the target itself). */
  limit: number;
  limitName: string;
  /** Higher is better: limit / value for times, value / limit for rates. */
  ratio: number;
  target: string;
  pass: boolean;
}

const BENCHES: Record<string, () => Promise<Figure[]>> = {
  catchup: () => benchCatchUp(),
  reconnect: () => benchReconnect(),
  live: () => benchLive(),
  race: () => benchRace(),
  fsync: () => benchFsync(),
};

function print(f: Figure): void {
  const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));
  console.log(
    `${f.pass ? 'PASS' : 'MISS'}  ${f.name}\n      ${fmt(f.value)} ${f.unit}  vs ${f.limitName}: ${fmt(f.limit)} ${f.unit}  ` +
      `-> ${f.ratio.toFixed(2)}x  (target ${f.target})`,
  );
}

/** Median time of a fsynced commit on this disk right now: the floor under every durable write. */
function fsyncProbe(): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'marshrut-fsync-'));
  try {
    const db = new Database(path.join(dir, 'probe.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (v INTEGER)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const start = performance.now();
      insert.run(i);
      times.push(performance.now() - start);
    }
    db.close();
    return times.sort((a, b) => a - b)[50] ?? NaN;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  console.log(`fsynced commit on this disk now: median ${fsyncProbe().toFixed(2)} ms; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
  for (const name of names) {
    const bench = BENCHES[name];
    if (bench === undefined) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
    console.log(`\n== ${name}`);
    for (const f of await bench()) print(f);
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
