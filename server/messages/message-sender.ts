// Sends what the outbox holds. An attempt is recorded as `sending` (committed) before the
// gateway is called and as its outcome after, each attempt and result also on the order's
// timeline. A restart finds attempts cut off in `sending` and marks them `unknown` instead of
// sending again: a customer must never get a message twice. Failures are retried with
// exponential backoff up to MAX_ATTEMPTS.
import type { Logger } from '../../platform/log/logger';
import type Database from 'better-sqlite3';
import type { MessageChannel } from '../../shared/messages/message-vocabulary';
import type { MessageRow } from '../../shared/schema';
import type { SyncEngine } from '../sync/sync-engine';
import type { Channel, OutgoingMessage, SendResult } from './channel';
import { prefsIdOf } from '../../shared/messages/customer-prefs';
import { messageEvent } from '../../shared/messages/message-event';
import { unsubscribeExtras } from './customer-opt-out';
import { afterAttempt, CUT_OFF_ERROR, OutboxRounds, sendAttempt, type AttemptCounters } from './outbox-rounds';

export const MAX_ATTEMPTS = 6;

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

export type SenderCounters = AttemptCounters;

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
  private readonly rounds: OutboxRounds;

  constructor(private readonly opts: MessageSenderOptions) {
    this.due = opts.sqlite.prepare("SELECT * FROM messages WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?");
    this.cutOff = opts.sqlite.prepare("SELECT * FROM messages WHERE state = 'sending'");
    this.pending = opts.sqlite.prepare("SELECT count(*) AS n FROM messages WHERE state IN ('queued', 'sending')");
    this.rounds = new OutboxRounds(() => this.round(), opts.intervalMs ?? 1000, opts.log, 'message');
  }

  /** Marks attempts a previous process left unfinished, then starts the rounds. */
  start(): void {
    this.recoverCutOff();
    this.rounds.start();
  }

  pendingCount(): number {
    return this.pending.get()?.n ?? 0;
  }

  /** One round now (tests, and the timer). Resolves when the round's sends are done. */
  runOnce(): Promise<void> {
    return this.rounds.runOnce();
  }

  async stop(): Promise<void> {
    await this.rounds.stop();
    for (const ch of Object.values(this.opts.channels)) ch?.close?.();
  }

  private recoverCutOff(): void {
    const rows = this.cutOff.all().map((r) => this.fromRecord(r));
    if (rows.length === 0) return;
    const now = this.opts.clock();
    this.opts.engine.writeRows((tx) => {
      for (const m of rows) {
        const next: MessageRow = { ...m, state: 'unknown', lastError: CUT_OFF_ERROR, updatedAt: now };
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
      if (this.rounds.stopped) return;
      const out = this.outgoing(m);
      if (out === null) {
        this.suppress(m);
        continue;
      }
      const channel = this.opts.channels[m.channel];
      const sending: MessageRow = { ...m, state: 'sending', attempts: m.attempts + 1, updatedAt: this.opts.clock() };
      // Committed before the gateway hears of it: a crash from here on leaves `sending`.
      this.opts.engine.writeRows((tx) => tx.put('messages', sending));
      let result: SendResult;
      if (channel === undefined) {
        this.counters.attempts++;
        result = { outcome: 'failed', error: `${m.channel} is not configured on the server` };
      } else result = await sendAttempt(channel, out, this.counters);
      this.finish(sending, result);
    }
  }

  /**
   * What goes to the gateway; null when the customer opted out after it was queued (quiet hours
   * held it, or a retry was waiting). A customer e-mail carries the way to opt out.
   */
  private outgoing(m: MessageRow): OutgoingMessage | null {
    const base: OutgoingMessage = { id: m.id, to: m.recipient, subject: m.subject, body: m.body };
    if (m.audience !== 'customer' || m.orderId === null) return base;
    const tx = this.opts.engine.newTx();
    const order = tx.get('orders', m.orderId);
    if (order === undefined) return base;
    if (tx.get('customer_prefs', prefsIdOf(order))?.optOut === true) return null;
    const link = tx.get('tracking_links', order.id);
    if (m.channel !== 'email' || link === undefined) return base;
    const extras = unsubscribeExtras(link.url, m.language);
    return { ...base, body: `${m.body}${extras.footer}`, headers: extras.headers };
  }

  private suppress(m: MessageRow): void {
    const now = this.opts.clock();
    this.opts.engine.writeRows((tx) => tx.put('messages', { ...m, state: 'suppressed', lastError: 'opted_out', updatedAt: now }));
  }

  private finish(m: MessageRow, result: SendResult): void {
    const now = this.opts.clock();
    const next: MessageRow = { ...m, ...afterAttempt(result, m.attempts, now, this.counters, MAX_ATTEMPTS), updatedAt: now };
    this.opts.engine.writeRows((tx) => {
      tx.put('messages', next);
      this.timelineEvent(tx, next, now);
    });
  }

  /** The attempt on the order's timeline: "SMS · sent", with the masked recipient and the error. */
  private timelineEvent(tx: Parameters<Parameters<SyncEngine['writeRows']>[0]>[0], m: MessageRow, now: number): void {
    if (m.orderId === null) return;
    const state = m.state === 'queued' ? 'retrying' : m.state;
    tx.put('order_events', messageEvent({
      id: `${m.id}:${m.attempts}:${state}`,
      orderId: m.orderId,
      at: now,
      actor: 'system',
      actorId: m.channel,
      actorName: CHANNEL_NAMES[m.channel],
      source: 'system',
      reason: `${m.trigger}:${state}`,
      comment: [maskRecipient(m.channel, m.recipient), `#${m.attempts}`, m.lastError].filter((x) => x !== null && x !== '').join(' · '),
    }));
  }

  private fromRecord(r: Record<string, unknown>): MessageRow {
    return this.opts.engine.tables.messages.codec.fromRecord(r) as MessageRow;
  }
}
