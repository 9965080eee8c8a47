// The supervisors' daily summary by e-mail. Each round (every 30 s): when the admin's setting
// is on and today's send time has come on the company clock, yesterday's headline is computed
// by the Reports tab's own statement (buildReport: the whole company, then each warehouse) and
// one outbox row per recipient is written, id `daily-summary:YYYY-MM-DD:<userId>`; then due
// rows are sent. Exactly once per day and person:
// - the row exists before anything is sent, and a day whose rows exist is never composed again
//   (a second round, a restart, the server coming back the same day);
// - an attempt is committed as `sending` before SMTP hears of it; a restart finds it cut off and
//   records `unknown` instead of sending again, as an SMTP answer lost after DATA does;
// - a refused attempt (4xx, no connection) is retried with the messages' backoff (30 s doubling,
//   at most 30 min apart) until the summary is EXPIRE_MS old, then `failed: expired`.
// A recipient without an e-mail address (My notifications) gets a `skipped` row: counted once.
import type Database from 'better-sqlite3';
import { dailySummaryId, dueSummaryDay, composeDailySummary, DAILY_SUMMARY_SETTINGS_ID, type ComposedSummary, type SummarySection } from '../../shared/reports/daily-summary';
import type { ReportLanguage } from '../../shared/reports/report-labels';
import { buildReport, type SqlReader } from '../../shared/reports/report-source';
import { DAILY_SUMMARY_ROLES } from '../../shared/mutators/daily-summary-settings';
import type { DailySummarySettingsRow } from '../../shared/schema';
import type { Logger } from '../../platform/log/logger';
import type { Channel } from '../messages/channel';
import { afterAttempt, CUT_OFF_ERROR, OutboxRounds, sendAttempt, type AttemptCounters } from '../messages/outbox-rounds';
import type { MarshrutServer } from '../server';
import type { SyncEngine } from '../sync/sync-engine';
import type { DailySummaryOutboxRow, DailySummaryState } from './daily-summary-schema';

/** A summary not out within this long after it was composed is given up: tomorrow's is due by then. */
export const EXPIRE_MS = 20 * 3_600_000;
export const NO_EMAIL = 'no_email';
export const NOT_CONFIGURED = 'not_configured';
export const NOT_A_RECIPIENT = 'not_a_recipient';
export const EXPIRED = 'expired';

export interface DailySummaryCounters extends AttemptCounters {
  /** Days whose figures were computed. */
  composed: number;
  queued: number;
  /** Recipients without an e-mail address. */
  skippedNoEmail: number;
  /** Chosen people no longer active supervisors or admins. */
  skippedNotRecipient: number;
  notConfigured: number;
}

export interface DailySummaryOptions {
  sqlite: Database.Database;
  engine: SyncEngine;
  /** The SMTP channel; null when the server has no SMTP settings (rows are recorded as failed: not_configured). */
  channel: Channel | null;
  clock: () => number;
  log: Logger;
  /** How often to look (default 30 s). */
  intervalMs?: number;
}

const COLUMNS = `id, day, user_id AS userId, email, language, subject, text, html, state, attempts, next_attempt_at AS nextAttemptAt,
  last_error AS lastError, created_at AS createdAt, sent_at AS sentAt, updated_at AS updatedAt`;

export class DailySummary {
  readonly counters: DailySummaryCounters = { composed: 0, queued: 0, skippedNoEmail: 0, skippedNotRecipient: 0, notConfigured: 0, attempts: 0, sent: 0, retried: 0, failed: 0, unknown: 0 };
  private readonly insert: Database.Statement;
  private readonly exists: Database.Statement<[string], { x: number }>;
  private readonly due: Database.Statement<[number], DailySummaryOutboxRow>;
  private readonly setState: Database.Statement;
  private readonly read: SqlReader;
  private readonly rounds: OutboxRounds;

  constructor(private readonly opts: DailySummaryOptions) {
    const db = opts.sqlite;
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO daily_summary_outbox (id, day, user_id, email, language, subject, text, html, state, attempts, next_attempt_at, last_error, created_at, sent_at, updated_at)
       VALUES (@id, @day, @userId, @email, @language, @subject, @text, @html, @state, 0, @now, @lastError, @now, NULL, @now)`,
    );
    this.exists = db.prepare('SELECT 1 AS x FROM daily_summary_outbox WHERE id = ?');
    this.due = db.prepare(`SELECT ${COLUMNS} FROM daily_summary_outbox WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 20`);
    this.setState = db.prepare(
      'UPDATE daily_summary_outbox SET state = @state, attempts = @attempts, next_attempt_at = @nextAttemptAt, last_error = @lastError, sent_at = @sentAt, updated_at = @now WHERE id = @id',
    );
    this.read = (sql, p) => db.prepare(sql).all(...p);
    this.rounds = new OutboxRounds(() => this.round(), opts.intervalMs ?? 30_000, opts.log, 'daily summary');
  }

  /** Records attempts a previous process left cut off, then looks every interval. */
  start(): void {
    const cut = this.opts.sqlite
      .prepare("UPDATE daily_summary_outbox SET state = 'unknown', last_error = ?, updated_at = ? WHERE state = 'sending'")
      .run(CUT_OFF_ERROR, this.opts.clock());
    this.counters.unknown += cut.changes;
    this.rounds.start();
  }

  /** One round now (tests, and the timer): queue what is due, then send what is due. */
  runOnce(): Promise<void> {
    return this.rounds.runOnce();
  }

  stop(): Promise<void> {
    return this.rounds.stop();
  }

  pendingCount(): number {
    return (this.opts.sqlite.prepare("SELECT count(*) AS n FROM daily_summary_outbox WHERE state IN ('queued', 'sending')").get() as { n: number }).n;
  }

  private async round(): Promise<void> {
    await this.queueDue();
    await this.sendDue();
  }

  private settings(): DailySummarySettingsRow | undefined {
    return this.opts.engine.newTx().get('daily_summary_settings', DAILY_SUMMARY_SETTINGS_ID);
  }

  private async queueDue(): Promise<void> {
    const settings = this.settings();
    if (settings === undefined || !settings.enabled) return;
    const now = this.opts.clock();
    const day = dueSummaryDay(now, settings.sendMinute);
    if (day === null) return;
    const missing = settings.recipientIds.filter((id) => this.exists.get(dailySummaryId(day, id)) === undefined);
    if (missing.length === 0) return;
    const sections = await this.figures(day, now);
    if (this.rounds.stopped) return;
    this.counters.composed++;
    const byLanguage = new Map<ReportLanguage, ComposedSummary>();
    const tx = this.opts.engine.newTx();
    const write = this.opts.sqlite.transaction(() => {
      for (const userId of missing) {
        const user = tx.get('users', userId);
        const prefs = tx.get('staff_notify_prefs', userId);
        const language: ReportLanguage = prefs?.language === 'en' ? 'en' : 'ru';
        let mail = byLanguage.get(language);
        if (mail === undefined) {
          mail = composeDailySummary(day, language, sections);
          byLanguage.set(language, mail);
        }
        const email = prefs?.email ?? null;
        const isRecipient = user !== undefined && user.active && (DAILY_SUMMARY_ROLES as readonly string[]).includes(user.role);
        let state: DailySummaryState = 'queued';
        let lastError: string | null = null;
        if (!isRecipient) [state, lastError] = ['skipped', NOT_A_RECIPIENT];
        else if (email === null) [state, lastError] = ['skipped', NO_EMAIL];
        else if (this.opts.channel === null) [state, lastError] = ['failed', NOT_CONFIGURED];
        const r = this.insert.run({ id: dailySummaryId(day, userId), day, userId, email, language, ...mail, state, lastError, now });
        if (r.changes === 0) continue;
        if (lastError === NOT_A_RECIPIENT) this.counters.skippedNotRecipient++;
        else if (lastError === NO_EMAIL) this.counters.skippedNoEmail++;
        else if (lastError === NOT_CONFIGURED) this.counters.notConfigured++;
        else this.counters.queued++;
      }
    });
    write.immediate();
    this.opts.log.info({ day, recipients: missing.length }, 'daily summary queued');
  }

  /** The Reports tab's headline for the day: the whole company, then each warehouse by name. */
  private async figures(day: string, now: number): Promise<SummarySection[]> {
    const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
    const headline = async (warehouseId?: string) => {
      const r = await buildReport(this.read, { from: day, to: day, ...(warehouseId === undefined ? {} : { warehouseId }) }, now, 'server', () => null, pause);
      if (!r.ok) throw new Error(`daily summary for ${day}: ${r.message}`);
      return r.value.headline;
    };
    const sections: SummarySection[] = [{ name: null, headline: await headline() }];
    const warehouses = this.opts.sqlite.prepare('SELECT id, name FROM warehouses ORDER BY name, id').all() as Array<{ id: string; name: string }>;
    for (const w of warehouses) sections.push({ name: w.name, headline: await headline(w.id) });
    return sections;
  }

  private async sendDue(): Promise<void> {
    const channel = this.opts.channel;
    if (channel === null) return;
    for (const row of this.due.all(this.opts.clock())) {
      if (this.rounds.stopped) return;
      const now = this.opts.clock();
      if (now - row.createdAt > EXPIRE_MS) {
        this.update(row, { state: 'failed', lastError: `${EXPIRED}: ${row.lastError ?? ''}`.trim() });
        this.counters.failed++;
        continue;
      }
      const attempts = row.attempts + 1;
      // Committed before SMTP hears of it: a crash from here on leaves `sending`, never resent.
      this.update(row, { state: 'sending', attempts });
      const result = await sendAttempt(channel, { id: row.id, to: row.email as string, subject: row.subject, body: row.text, html: row.html }, this.counters);
      this.update(row, { attempts, ...afterAttempt(result, attempts, this.opts.clock(), this.counters) });
    }
  }

  private update(row: DailySummaryOutboxRow, patch: Partial<Pick<DailySummaryOutboxRow, 'state' | 'attempts' | 'lastError' | 'nextAttemptAt' | 'sentAt'>>): void {
    const next = { ...row, ...patch };
    this.setState.run({ id: row.id, state: next.state, attempts: next.attempts, nextAttemptAt: next.nextAttemptAt, lastError: next.lastError, sentAt: next.sentAt, now: this.opts.clock() });
  }
}

/** Starts the daily summary on a running server (attachMessages passes its SMTP channel). */
export function attachDailySummary(server: MarshrutServer, channel: Channel | null, clock: () => number, intervalMs?: number): DailySummary {
  const summary = new DailySummary({
    sqlite: server.db.sqlite,
    engine: server.engine,
    channel,
    clock,
    log: server.logger.child({ component: 'daily-summary' }),
    ...(intervalMs === undefined ? {} : { intervalMs }),
  });
  summary.start();
  server.addHealth('dailySummary', () => ({ ...summary.counters, pending: summary.pendingCount() }));
  server.onClose(() => summary.stop());
  return summary;
}
