// The send/record sequence both outboxes run (customer and staff messages, the daily summary):
// rounds on a timer, one at a time; an attempt committed as `sending` before the gateway hears
// of it (the caller writes that), the gateway's answer or its throw read as a SendResult, and
// the row's next state decided from it with exponential backoff for a refusal. One home, so a
// message and a summary can never disagree about what "unknown" or a retry means.
import type { Logger } from '../../platform/log/logger';
import type { Channel, OutgoingMessage, SendResult } from './channel';

/** What a restart writes on an attempt it finds cut off in `sending`: it is never sent again. */
export const CUT_OFF_ERROR = 'server stopped during the attempt: not resent';

/** 30 s, 1 min, 2 min, 4 min, 8 min: a gateway out for a quarter of an hour loses nothing. */
export function backoffMs(attempt: number): number {
  return Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, attempt - 1));
}

export interface AttemptCounters {
  attempts: number;
  sent: number;
  retried: number;
  failed: number;
  unknown: number;
}

/** Sends one attempt (counted). A throw is `unknown`: the request may have reached the gateway. */
export async function sendAttempt(channel: Channel, message: OutgoingMessage, counters: AttemptCounters): Promise<SendResult> {
  counters.attempts++;
  try {
    return await channel.send(message);
  } catch (e) {
    return { outcome: 'unknown', error: e instanceof Error ? e.message : String(e) };
  }
}

export type AttemptOutcome =
  | { state: 'sent'; sentAt: number; providerId: string | null; lastError: null }
  | { state: 'queued'; nextAttemptAt: number; lastError: string }
  | { state: 'failed' | 'unknown'; lastError: string };

/**
 * What a row becomes after its attempt number `attempts` ended in `result` at `now`, counted in
 * `counters`: a refusal goes back to the queue after the backoff while attempts are left, then fails.
 */
export function afterAttempt(result: SendResult, attempts: number, now: number, counters: AttemptCounters, maxAttempts = Number.POSITIVE_INFINITY): AttemptOutcome {
  switch (result.outcome) {
    case 'sent':
      counters.sent++;
      return { state: 'sent', sentAt: now, providerId: result.providerId, lastError: null };
    case 'retry':
      if (attempts < maxAttempts) {
        counters.retried++;
        return { state: 'queued', nextAttemptAt: now + backoffMs(attempts), lastError: result.error };
      }
      counters.failed++;
      return { state: 'failed', lastError: result.error };
    case 'failed':
      counters.failed++;
      return { state: 'failed', lastError: result.error };
    case 'unknown':
      counters.unknown++;
      return { state: 'unknown', lastError: result.error };
  }
}

/** Rounds on a timer, never two at once; `runOnce` for tests; `stop` waits for the round under way. */
export class OutboxRounds {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private isStopped = false;

  constructor(
    private readonly round: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly log: Logger,
    private readonly what: string,
  ) {}

  /** True once stop() was called: a round checks it between sends. */
  get stopped(): boolean {
    return this.isStopped;
  }

  start(): void {
    this.schedule();
  }

  runOnce(): Promise<void> {
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.isStopped) return;
    this.timer = setTimeout(() => {
      void this.runOnce()
        .catch((e: unknown) => this.log.error({ err: e }, `${this.what} round failed`))
        .finally(() => this.schedule());
    }, this.intervalMs);
    this.timer.unref();
  }
}
