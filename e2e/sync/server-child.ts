// Child processes for sync tests and benchmarks: a TypeScript script run under tsx, talking
// JSON lines (stdout: events, stdin: commands). spawnServer runs the real server this way so
// a test can SIGKILL it (a crash, not a close).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
// tsx's CLI runs the script in a child of its own, which a SIGKILL of the CLI would orphan:
// load tsx as a hook instead, so the spawned process IS the script.
const TSX_HOOK = ['--require', path.join(ROOT, 'node_modules', 'tsx', 'dist', 'preflight.cjs'), '--import', 'tsx'];

export interface ScriptProcess {
  process: ChildProcess;
  /** Resolves with the first JSON line (already printed or still to come) that `match` accepts. */
  next<T>(match: (msg: Record<string, unknown>) => boolean): Promise<T>;
  send(line: string): void;
  /** SIGKILL: no flush, no goodbye (SIGTERM when profiling). Resolves once the process is gone. */
  kill(): Promise<void>;
  /** Waits for a normal exit. */
  exited(): Promise<number | null>;
}

export function spawnScript(script: string, args: string[]): ScriptProcess {
  // SYNC_CPU_PROF=DIR writes a CPU profile of each child there (profiling the benchmarks).
  const prof = process.env['SYNC_CPU_PROF'];
  const profArgs = prof === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${prof}`];
  const child = spawn(process.execPath, [...profArgs, ...TSX_HOOK, script, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const seen: Record<string, unknown>[] = [];
  const waiters: Array<{ match: (m: Record<string, unknown>) => boolean; resolve: (m: unknown) => void; reject: (e: Error) => void }> = [];
  let buffer = '';
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout?.on('data', (d: Buffer) => {
    buffer += d.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (!line.startsWith('{')) continue;
      const msg = JSON.parse(line) as Record<string, unknown>;
      seen.push(msg);
      for (const w of [...waiters]) {
        if (w.match(msg)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(msg);
        }
      }
    }
  });
  child.once('exit', (code) => {
    for (const w of waiters.splice(0)) w.reject(new Error(`${path.basename(script)} exited (${code}): ${stderr.slice(-2000)}`));
  });
  const gone = (): boolean => child.exitCode !== null || child.signalCode !== null;
  return {
    process: child,
    next<T>(match: (m: Record<string, unknown>) => boolean): Promise<T> {
      const found = seen.find(match);
      if (found !== undefined) {
        seen.splice(seen.indexOf(found), 1);
        return Promise.resolve(found as T);
      }
      if (gone()) return Promise.reject(new Error(`${path.basename(script)} has exited: ${stderr.slice(-2000)}`));
      return new Promise<T>((resolve, reject) => waiters.push({ match, resolve: (m) => resolve(m as T), reject }));
    },
    send(line) {
      child.stdin?.write(`${line}\n`);
    },
    kill: () =>
      new Promise<void>((done) => {
        if (gone()) return done();
        child.once('exit', () => done());
        // A profiled child must exit on its own to write its profile (the scripts exit on SIGTERM).
        child.kill(prof === undefined ? 'SIGKILL' : 'SIGTERM');
      }),
    exited: () =>
      new Promise((done) => {
        if (gone()) return done(child.exitCode);
        child.once('exit', (code) => done(code));
      }),
  };
}

export interface ServerChild {
  port: number;
  url: string;
  kill(): Promise<void>;
}

export async function spawnServer(dbFile: string, port = 0, synchronous: 'FULL' | 'NORMAL' = 'FULL', ordersRate?: number): Promise<ServerChild> {
  const args = [dbFile, String(port), synchronous, ...(ordersRate === undefined ? [] : [String(ordersRate)])];
  const child = spawnScript(path.join(__dirname, 'server-process.ts'), args);
  const { port: actual } = await child.next<{ port: number }>((m) => typeof m['port'] === 'number');
  return { port: actual, url: `http://127.0.0.1:${actual}`, kill: () => child.kill() };
}
