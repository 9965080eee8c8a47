// How Marshrut's processes log, decided once for the server and the desktop (each makes its
// pino logger from this at its process edge with platform/log/logger.ts).
// JSON lines in production (what log shippers read), readable lines on a developer's terminal,
// and a level from MARSHRUT_LOG_LEVEL (default info).

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogFormat {
  level: LogLevel;
  /** Human-readable lines instead of JSON. */
  readable: boolean;
}

export function logFormat(env: Readonly<Record<string, string | undefined>>, stderrIsTerminal: boolean): LogFormat {
  const wanted = env['MARSHRUT_LOG_LEVEL']?.toLowerCase();
  const level = (LOG_LEVELS as readonly string[]).includes(wanted ?? '') ? (wanted as LogLevel) : 'info';
  return { level, readable: env['NODE_ENV'] !== 'production' && stderrIsTerminal };
}
