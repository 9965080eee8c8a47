// Every Node process's logger (server, desktop main process, hosts, npm start): pino, formatted as
// shared/logging/log-format.ts says. Made once at each process edge (server/cli.ts, main/electron-shell.ts,
// main/start/cli.ts, main/hosts/web-cli.ts) and passed in; each part logs through a child naming its component.
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import { logFormat, type LogFormat } from '../../shared/logging/log-format';

export type { Logger };

export function createLogger(format: LogFormat = logFormat(process.env, process.stderr.isTTY === true)): Logger {
  const options = { level: format.level, timestamp: pino.stdTimeFunctions.isoTime };
  // Synchronous stderr either way: a crash must not lose its last lines.
  if (format.readable) return pino(options, pretty({ sync: true, destination: 2, ignore: 'pid,hostname' }));
  return pino(options, pino.destination({ fd: 2, sync: true }));
}

/** For tests and tools that want no output. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
