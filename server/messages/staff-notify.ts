// Staff hear of their alerts outside the app: when the SLA scheduler records an alert, each
// person it is for (shared/alerts/alert-recipient.ts: the assignee, or the audience on duty)
// who asked for that kind gets it by Telegram and/or e-mail, queued into the outbox in the
// same transaction as the alert. The row id comes from alert + person + channel + address, so
// an alert is sent once per recipient per channel however often it is looked at and across
// restarts; the sender (message-sender.ts) then records sent / failed with its reason. Inside
// the person's quiet hours nothing is sent and the row says `suppressed: quiet_hours`: an
// alert is about now, not about the morning.
import type Database from 'better-sqlite3';
import { isAlertFor } from '../../shared/alerts/alert-recipient';
import { DEFAULT_UTC_OFFSET_MINUTES, formatLocalTime } from '../../shared/messages/customer-words';
import { afterQuietHours } from '../../shared/messages/message-rules';
import type { MessageChannel } from '../../shared/messages/message-vocabulary';
import { ALERT_KIND_WORDS, staffSubject } from '../../shared/messages/staff-words';
import { composeMessage } from '../../shared/messages/templates';
import type { MutatorTx } from '../../shared/mutators';
import type { AlertRow, MessageRow, StaffNotifyPrefsRow, UserRow } from '../../shared/schema';
import type { Logger } from '../../platform/log/logger';
import type { SyncEngine } from '../sync/sync-engine';
import { messageId, type ConfiguredChannels } from './message-queue';

/** Why a staff notice was not sent (lastError of a suppressed or failed row). */
export const QUIET_HOURS = 'quiet_hours';
export const NOT_CONFIGURED = 'not_configured';

export interface StaffNotifierCounters {
  queued: number;
  skippedQuiet: number;
  notConfigured: number;
}

interface Person {
  user: Pick<UserRow, 'id' | 'name' | 'role'>;
  prefs: StaffNotifyPrefsRow;
}

export class StaffNotifier {
  readonly counters: StaffNotifierCounters = { queued: 0, skippedQuiet: 0, notConfigured: 0 };
  private readonly people: Database.Statement<[], Record<string, unknown>>;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly engine: SyncEngine,
    private readonly channels: ConfiguredChannels,
    private readonly log: Logger,
  ) {
    this.people = sqlite.prepare(
      `SELECT u.id AS userId, u.name AS userName, u.role AS userRole, p.*
       FROM staff_notify_prefs p JOIN users u ON u.id = p.id
       WHERE u.active = 1 AND p.channel <> 'none'`,
    );
  }

  /**
   * Queues the notices for alerts just recorded, inside the caller's transaction (the
   * scheduler's). Its own savepoint: a failure here never loses the alerts themselves.
   */
  queue(tx: MutatorTx, recorded: readonly AlertRow[], now: number): number {
    const fresh = recorded.filter((a) => a.state === 'open');
    if (fresh.length === 0) return 0;
    try {
      return this.sqlite.transaction(() => this.queueAll(tx, fresh, now))();
    } catch (e) {
      this.log.error({ err: e }, 'queueing staff notifications failed');
      return 0;
    }
  }

  private queueAll(tx: MutatorTx, alerts: readonly AlertRow[], now: number): number {
    const people = this.people.all().map((r): Person => {
      const prefs = this.engine.tables.staff_notify_prefs.codec.fromRecord(r) as StaffNotifyPrefsRow;
      return { user: { id: String(r.userId), name: String(r.userName), role: r.userRole as UserRow['role'] }, prefs };
    });
    let n = 0;
    for (const alert of alerts) {
      for (const p of people) {
        if (!p.prefs.kinds.includes(alert.kind) || !isAlertFor(alert, p.user)) continue;
        for (const [channel, to] of addresses(p.prefs)) n += this.queueOne(tx, alert, p, channel, to, now);
      }
    }
    return n;
  }

  private queueOne(tx: MutatorTx, alert: AlertRow, p: Person, channel: MessageChannel, to: string, now: number): number {
    const id = messageId(`alert:${alert.id}:${p.user.id}`, { channel, to });
    if (tx.get('messages', id) !== undefined) return 0;
    const language = p.prefs.language;
    const rule = tx.get('message_rules', alert.kind);
    // A warehouse alert (no order) is its own sentence, which names the warehouse.
    const own = language === 'en' ? alert.messageEn : alert.messageRu;
    const values = {
      kind: alert.orderId === null ? own : ALERT_KIND_WORDS[language][alert.kind],
      number: alert.orderNumber ?? '',
      customer: alert.customerName,
      deadline: formatLocalTime(alert.dueAt, language, now),
    };
    const { body } = composeMessage(alert.kind, language, rule?.texts, values, false);
    const quiet = afterQuietHours(now, p.prefs.quietStartMinute, p.prefs.quietEndMinute, DEFAULT_UTC_OFFSET_MINUTES) !== now;
    const configured = this.channels.has(channel);
    const row: MessageRow = {
      id,
      audience: 'staff',
      orderId: null,
      alertId: alert.id,
      trigger: alert.kind,
      channel,
      recipient: to,
      recipientName: p.user.name,
      language,
      subject: channel === 'email' ? staffSubject(alert.kind, alert.orderNumber, language) : '',
      body,
      state: quiet ? 'suppressed' : configured ? 'queued' : 'failed',
      attempts: 0,
      nextAttemptAt: now,
      lastError: quiet ? QUIET_HOURS : configured ? null : NOT_CONFIGURED,
      providerId: null,
      createdAt: now,
      sentAt: null,
      updatedAt: now,
    };
    tx.put('messages', row);
    if (quiet) this.counters.skippedQuiet++;
    else if (configured) this.counters.queued++;
    else this.counters.notConfigured++;
    return 1;
  }
}

/** The channels a person's choice sends to, with their address. */
function addresses(prefs: StaffNotifyPrefsRow): Array<[MessageChannel, string]> {
  const out: Array<[MessageChannel, string]> = [];
  const email = prefs.channel === 'email' || prefs.channel === 'both';
  const telegram = prefs.channel === 'telegram' || prefs.channel === 'both';
  if (telegram && prefs.telegramChatId) out.push(['telegram', prefs.telegramChatId]);
  if (email && prefs.email) out.push(['email', prefs.email]);
  return out;
}
