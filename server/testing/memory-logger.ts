// A real pino logger that keeps its JSON lines in memory, for tests that assert what was logged.
import pino, { type Logger } from 'pino';

export interface MemoryLogger {
  logger: Logger;
  lines: Array<Record<string, unknown> & { msg?: string; level: number }>;
}

export function memoryLogger(): MemoryLogger {
  const lines: MemoryLogger['lines'] = [];
  const logger = pino({ level: 'debug' }, { write: (s: string) => void lines.push(JSON.parse(s) as MemoryLogger['lines'][number]) });
  return { logger, lines };
}
