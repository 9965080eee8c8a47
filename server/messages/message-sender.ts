// Sends what the outbox holds. An attempt is recorded as `sending` (committed) before the
// gateway is called and as its outcome after, each attempt and result also on the order's
// timeline. A restart finds attempts cut off in `sending` and marks them `unknown` instead of
// sending again: a customer must never get a message twice. Failures are retried with
// exponential backoff up to MAX_ATTEMPTS.
import type { Logger } from '../log/logger';
import type Database from 'better-sqlite3';
import type { MessageChannel } from '../../shared/messages/message-vocabulary';
import type { MessageRow } from '../../shared/schema';
import type { SyncEngine } from '../sync/sync-engine';
import type { Channel, SendResult } from './channel';

export const MAX_ATTEMPTS = 6;
/** 30 s, 1 min, 2 min, 4 min, 8 min: a gateway out for a quarter of an hour loses nothing. */
export function backoffMs(attempt: number): number {
  return Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, attempt - 1));
}

const CHANNEL_NAMES: Record<MessageChannel, string> = { sms: 'SMS', email: 'E-mail', telegram: 'Telegram' };

/** "+7 *** *** 45 67", "a***@mail.kz", "chat …4321": enough to recognise, not to copy. */
export function maskRecipient(channel: MessageChannel, to: string): string {
  if (channel === 'email') {
    const [user = '', domain = ''] = to.split('@');
    return `${user.slice(0, 1)}***@${domain}`;
  }
  const digits = to.replace(/\D/g, '');
  if (channel === 'telegram') return `chat …${digits.slice(-4)}`;
  return `+${digits.slice(0, 1)} *** *** ${digits.slice(-4, -2)} ${digits.slice(-2)}`;
}

export interface SenderCounters {
  attempts: number;
  sent: number;
  retried: number;
  failed: number;
  unknown: number;
}

export interface MessageSenderOptions {
  sqlite: Database.Database;
  engine: SyncEngine;
  channels: Partial<Record<MessageChannel, Channel>>;
  clock: () => number;
  log: Logger;
  /** How often the outbox is looked at. Default 1000 ms. */
  intervalMs?: number;
  /** Messages sent per round. Default 20. */
  batch?: number;
}

export class MessageSender {
  readonly counters: SenderCounters = { attempts: 0, sent: 0, retried: 0, failed: 0, unknown: 0 };
  private readonly due: Database.Statement<[number, number], Record<string, unknown>>;
  private readonly cutOff: Database.Statement<[], Record<string, unknown>>;
  private readonly pending: Database.Statement<[], { n: number }>;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly opts: MessageSenderOptions) {
    this.due = opts.sqlite.prepare("SELECT * FROM messages WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?");
    this.cutOff = opts.sqlite.prepare("SELECT * FROM messages WHERE state = 'sending'");
    this.pending = opts.sqlite.prepare("SELECT count(*) AS n FROM messages WHERE state IN ('queued', 'sending')");
  }

  /** Marks attempts a previous process left unfinished, then starts the rounds. */
  start(): void {
    this.recoverCutOff();
    this.schedule();
  }

  pendingCount(): number {
    return this.pending.get()?.n ?? 0;
  }

  /** One round now (tests, and the timer). Resolves when the round's sends are done. */
  runOnce(): Promise<void> {
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await this.running;
    for (const ch of Object.values(this.opts.channels)) ch?.close?.();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runOnce()
        .catch((e: unknown) => this.opts.log.error({ err: e }, 'message round failed'))
        .finally(() => this.schedule());
    }, this.opts.intervalMs ?? 1000);
    this.timer.unref();
  }

  private recoverCutOff(): void {
    const rows = this.cutOff.all().map((r) => this.fromRecord(r));
    if (rows.length === 0) return;
    const now = this.opts.clock();
    this.opts.engine.writeRows((tx) => {
      for (const m of rows) {
        const next: MessageRow = { ...m, state: 'unknown', lastError: 'server stopped during the attempt: not resent', updatedAt: now };
        tx.put('messages', next);
        this.timelineEvent(tx, next, now);
      }
    });
    this.counters.unknown += rows.length;
  }

  private async round(): Promise<void> {
    const now = this.opts.clock();
    const rows = this.due.all(now, this.opts.batch ?? 20).map((r) => this.fromRecord(r));
    for (const m of rows) {
      if (this.stopped) return;
      const channel = this.opts.channels[m.channel];
      const sending: MessageRow = { ...m, state: 'sending', attempts: m.attempts + 1, updatedAt: this.opts.clock() };
      // Committed before the gateway hears of it: a crash from here on leaves `sending`.
      this.opts.engine.writeRows((tx) => tx.put('messages', sending));
      this.counters.attempts++;
      let result: SendResult;
      if (channel === undefined) result = { outcome: 'failed', error: `${m.channel} is not configured on the server` };
      else {
        try {
          result = await channel.send({ id: m.id, to: m.recipient, subject: m.subject, body: m.body });
        } catch (e) {
          result = { outcome: 'unknown', error: e instanceof Error ? e.message : String(e) };
        }
      }
      this.finish(sending, result);
    }
  }

  private finish(m: MessageRow, result: SendResult): void {
    const now = this.opts.clock();
    let next: MessageRow;
    switch (result.outcome) {
      case 'sent':
        next = { ...m, state: 'sent', sentAt: now, providerId: result.providerId, lastError: null, updatedAt: now };
        this.counters.sent++;
        break;
      case 'retry':
        if (m.attempts < MAX_ATTEMPTS) {
          next = { ...m, state: 'queued', nextAttemptAt: now + backoffMs(m.attempts), lastError: result.error, updatedAt: now };
          this.counters.retried++;
        } else {
          next = { ...m, state: 'failed', lastError: result.error, updatedAt: now };
          this.counters.failed++;
        }
        break;
      case 'failed':
        next = { ...m, state: 'failed', lastError: result.error, updatedAt: now };
        this.counters.failed++;
        break;
      case 'unknown':
        next = { ...m, state: 'unknown', lastError: result.error, updatedAt: now };
        this.counters.unknown++;
        break;
    }
    this.opts.engine.writeRows((tx) => {
      tx.put('messages', next);
      this.timelineEvent(tx, next, now);
    });
  }

  /** The attempt on the order's timeline: "SMS · sent", with the masked recipient and the error. */
  private timelineEvent(tx: Parameters<Parameters<SyncEngine['writeRows']>[0]>[0], m: MessageRow, now: number): void {
    if (m.orderId === null) return;
    const state = m.state === 'queued' ? 'retrying' : m.state;
    tx.put('order_events', {
      id: `${m.id}:${m.attempts}:${state}`,
      orderId: m.orderId,
      kind: 'message',
      at: now,
      fromStatus: null,
      toStatus: null,
      subMark: null,
      actor: 'system',
      actorId: m.channel,
      actorName: CHANNEL_NAMES[m.channel],
      source: 'system',
      reason: `${m.trigger}:${state}`,
      comment: [maskRecipient(m.channel, m.recipient), `#${m.attempts}`, m.lastError].filter((x) => x !== null && x !== '').join(' · '),
      driverId: null,
      changes: null,
      handover: null,
    });
  }

  private fromRecord(r: Record<string, unknown>): MessageRow {
    return this.opts.engine.tables.messages.codec.fromRecord(r) as MessageRow;
  }
}
