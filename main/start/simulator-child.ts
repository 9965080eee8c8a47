// The fleet simulator (simulator/, `npm run simulate`) as a child process, so the demo map
// moves. Optional: without simulator/cli.ts the console says so and runs without it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { killOnExit, tsxCommand } from './embedded-server';
import { projectRoot } from './paths';

export interface SimulatorChild {
  child: ChildProcess;
  stop(): Promise<void>;
}

const SCRIPT = 'simulator/cli.ts';

export function startSimulatorChild(opts: { serverUrl: string; log: (m: string) => void; args?: string[] }): SimulatorChild | null {
  if (!fs.existsSync(path.join(projectRoot(), SCRIPT))) {
    opts.log('The fleet simulator is not available in this checkout; the demo map will not move.');
    return null;
  }
  const cmd = tsxCommand(SCRIPT, ['--server', opts.serverUrl, ...(opts.args ?? [])]);
  const child = spawn(cmd.command, cmd.args, { cwd: projectRoot(), stdio: ['ignore', 'ignore', 'pipe'] });
  killOnExit(child);
  let tail = '';
  child.stderr?.on('data', (c: Buffer) => {
    tail = (tail + c.toString()).slice(-2000);
  });
  child.once('exit', (code, signal) => {
    if (signal === null && code !== 0) opts.log(`The fleet simulator stopped (exit ${code}): ${tail.trim().split('\n').slice(-3).join(' | ')}`);
  });
  return {
    child,
    stop() {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
