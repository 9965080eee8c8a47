// fsyncs per edit: `npm run bench:sync -- fsync`. A child process makes 300 edits on a real
// replica file, traced by strace (fsync and fdatasync, every thread), between two markers so
// that opening the replica is not counted; then the same 300 edits timed without strace.
// Compared in the same run with 300 raw SQLite autocommit UPDATEs at synchronous=FULL (one
// fsync each, the durability an edit must have). Modes:
//   raw    autocommit UPDATEs, synchronous=FULL
//   lone   mutate() one at a time, each awaited until durable (a user clicking)
//   burst  mutate() in bursts of 10 in one turn, each burst awaited until durable (group commit)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createSyncClient } from '../main/sync/sync-client';
import { testDir } from '../e2e/sync/harness';
import { replicaWithOrders } from './sync-race.bench';
import type { Figure } from './sync.bench';

const EDITS = 300;
const BURST = 10;
const MARK_BEGIN = '/nonexistent/marshrut-fsync-mark-begin';
const MARK_END = '/nonexistent/marshrut-fsync-mark-end';
const ROOT = path.resolve(__dirname, '..');
const TSX = ['--require', path.join(ROOT, 'node_modules', 'tsx', 'dist', 'preflight.cjs'), '--import', 'tsx'];

type Mode = 'raw' | 'lone' | 'burst';

/** The child: sets up, marks, edits, marks; prints {ms}. */
async function child(mode: Mode, file: string): Promise<void> {
  const replica = replicaWithOrders(file, EDITS);
  const mark = (p: string): void => void existsSync(p);
  if (mode === 'raw') {
    replica.sqlite.pragma('synchronous = FULL');
    const update = replica.sqlite.prepare('UPDATE orders SET driver_id = ?, assigned_by = ?, version = version + 1 WHERE id = ? AND version = 1');
    mark(MARK_BEGIN);
    const start = performance.now();
    for (let i = 0; i < EDITS; i++) update.run('d1', 'u1', `o${100 + i}`);
    const ms = performance.now() - start;
    mark(MARK_END);
    process.stdout.write(`${JSON.stringify({ ms })}\n`);
    replica.close();
    return;
  }
  const client = createSyncClient({ replica, serverUrl: 'ws://127.0.0.1:1', token: 't', user: { id: 'u-dispatcher', name: 'Dispatcher Aigerim', role: 'dispatcher' } });
  const edit = (i: number) => {
    const r = client.mutate('assignDriver', { orderId: `o${100 + i}`, driverId: 'd1', seenVersion: 1 });
    if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
    return r;
  };
  await client.durable();
  mark(MARK_BEGIN);
  const start = performance.now();
  if (mode === 'lone') {
    for (let i = 0; i < EDITS; i++) {
      edit(i);
      await client.durable();
    }
  } else {
    for (let i = 0; i < EDITS; i += BURST) {
      for (let k = i; k < i + BURST; k++) edit(k);
      await client.durable();
    }
  }
  const ms = performance.now() - start;
  mark(MARK_END);
  process.stdout.write(`${JSON.stringify({ ms })}\n`);
  client.stop();
  replica.close();
}

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(args[0] ?? '', args.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

/** fsyncs between the markers, and the edit time (ms) of an untraced run. */
async function measure(mode: Mode): Promise<{ fsyncs: number; wal: number; ms: number }> {
  const dir = testDir();
  try {
    const trace = dir.file('strace.txt');
    await run(['strace', '-f', '-qq', '-y', '-e', 'trace=fsync,fdatasync,access,faccessat,faccessat2,stat,statx,newfstatat', '-o', trace, process.execPath, ...TSX, __filename, 'child', mode, dir.file('traced.db')]);
    const lines = readFileSync(trace, 'utf8').split('\n');
    const begin = lines.findIndex((l) => l.includes(MARK_BEGIN));
    const end = lines.findIndex((l) => l.includes(MARK_END));
    if (begin < 0 || end < 0) throw new Error(`markers not found in the strace output of ${mode}`);
    const syncs = lines.slice(begin, end).filter((l) => /\b(fsync|fdatasync)\(/.test(l));
    const fsyncs = syncs.length;
    // -y names each file: the log's syncs are the commits, the database file's the checkpoints.
    const wal = syncs.filter((l) => l.includes('-wal>')).length;
    const out = await run([process.execPath, ...TSX, __filename, 'child', mode, dir.file('timed.db')]);
    const { ms } = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { ms: number };
    return { fsyncs, wal, ms };
  } finally {
    dir.cleanup();
  }
}

export async function benchFsync(): Promise<Figure[]> {
  const raw = await measure('raw');
  const lone = await measure('lone');
  const burst = await measure('burst');
  const rate = (m: { ms: number }) => (EDITS * 1000) / m.ms;
  // A checkpoint syncs the WAL before it, the database file after it, and the WAL's header when
  // the log is reused: one database-file sync and two WAL syncs. The rest are commits.
  const commits = (m: { fsyncs: number; wal: number }) => m.wal - 2 * (m.fsyncs - m.wal);
  const show = (m: { fsyncs: number; wal: number }) => `${m.fsyncs} (${commits(m)} at commits, ${3 * (m.fsyncs - m.wal)} for ${m.fsyncs - m.wal} checkpoints)`;
  console.log(`fsyncs per ${EDITS} edits: raw autocommit ${show(raw)}; mutate() one at a time ${show(lone)}; mutate() in bursts of ${BURST} ${show(burst)}`);
  const rawName = `raw SQLite autocommit UPDATEs/s (synchronous=FULL), ${raw.fsyncs} fsyncs per ${EDITS}`;
  return [
    // Checkpoints cost fsyncs in both runs alike; the target is that no edit pays more than raw autocommit does.
    { name: `fsyncs per ${EDITS} mutate() calls, one at a time, each awaited until durable`, value: lone.fsyncs, unit: 'fsyncs', limit: raw.fsyncs, limitName: `raw autocommit (${EDITS} UPDATEs)`, ratio: raw.fsyncs / Math.max(1, lone.fsyncs), target: '<= 1.1x raw', pass: lone.fsyncs <= 1.1 * raw.fsyncs },
    { name: `commit fsyncs per ${EDITS} mutate() calls, one at a time`, value: commits(lone), unit: 'fsyncs', limit: EDITS, limitName: 'one per edit', ratio: EDITS / Math.max(1, commits(lone)), target: '<= 1 per edit', pass: commits(lone) <= EDITS },
    { name: `fsyncs per ${EDITS} mutate() calls in bursts of ${BURST} (group commit)`, value: burst.fsyncs, unit: 'fsyncs', limit: raw.fsyncs, limitName: `raw autocommit (${EDITS} UPDATEs)`, ratio: raw.fsyncs / Math.max(1, burst.fsyncs), target: '>= 1x', pass: burst.fsyncs <= raw.fsyncs },
    { name: `commit fsyncs per ${EDITS} mutate() calls in bursts of ${BURST}`, value: commits(burst), unit: 'fsyncs', limit: EDITS / BURST, limitName: 'one per burst', ratio: EDITS / BURST / Math.max(1, commits(burst)), target: '<= 1 per burst', pass: commits(burst) <= EDITS / BURST },
    { name: `mutate() one at a time until durable, ${EDITS} assignments`, value: rate(lone), unit: '/s', limit: rate(raw), limitName: rawName, ratio: rate(lone) / rate(raw), target: '>= 0.4x', pass: rate(lone) / rate(raw) >= 0.4 },
    { name: `mutate() in bursts of ${BURST} until durable, ${EDITS} assignments`, value: rate(burst), unit: '/s', limit: rate(raw), limitName: rawName, ratio: rate(burst) / rate(raw), target: '>= 1x', pass: rate(burst) / rate(raw) >= 1 },
  ];
}

if (require.main === module && process.argv[2] === 'child') {
  child(process.argv[3] as Mode, process.argv[4] ?? '').then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
