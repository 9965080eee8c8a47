// The fleet simulator (simulator/, `npm run simulate`) as a child process, so the demo map
// moves. Optional: without simulator/cli.ts the console says so and runs without it.
import type { Logger } from '../../platform/log/logger';
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

export interface SimulatorTarget {
  /** The central server (REST and webhooks). */
  apiUrl: string;
  /** Its OsmAnd GPS port. */
  gpsPort: number | null;
  /** The demo users' tokens (demo-tokens.json): read by the simulator, kept off the command line. */
  tokensFile: string;
}

export function startSimulatorChild(opts: SimulatorTarget & { logger: Logger; args?: string[] }): SimulatorChild | null {
  if (!fs.existsSync(path.join(projectRoot(), SCRIPT))) {
    opts.logger.warn('The fleet simulator is not available in this checkout; the demo map will not move.');
    return null;
  }
  if (opts.gpsPort === null) {
    opts.logger.warn('The server did not say where its GPS port is; the demo map will not move.');
    return null;
  }
  const host = new URL(opts.apiUrl).hostname;
  // Fixes once a second: the map moves the way the console is meant to be watched.
  const cmd = tsxCommand(SCRIPT, ['--server', `http://${host}:${opts.gpsPort}`, '--api', opts.apiUrl, '--tokens-file', opts.tokensFile, '--interval', '1', ...(opts.args ?? [])]);
  const child = spawn(cmd.command, cmd.args, { cwd: projectRoot(), stdio: ['ignore', 'ignore', 'pipe'] });
  killOnExit(child);
  let tail = '';
  child.stderr?.on('data', (c: Buffer) => {
    tail = (tail + c.toString()).slice(-2000);
  });
  child.once('exit', (code, signal) => {
    if (signal === null && code !== 0) opts.logger.warn(`The fleet simulator stopped (exit ${code}): ${tail.trim().split('\n').slice(-3).join(' | ')}`);
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
