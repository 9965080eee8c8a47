// The courier inbox and review list in SQLite. Inserting is the "store first" step: the row
// exists (and is unique per provider and event id) before the webhook is answered.
import type Database from 'better-sqlite3';
import type { CourierInboxRow, InboxState, ReviewReason, ReviewResolution } from './couriers-schema';

export interface ReviewInput {
  inboxId: number;
  provider: string;
  eventId: string;
  orderNumber: string | null;
  trackingNumber: string | null;
  code: string;
  reason: ReviewReason;
  detail: string;
  createdAt: number;
}

export interface ReviewView extends ReviewInput {
  id: number;
  resolvedAt: number | null;
}

/** A review row with the webhook it is about, for the review list and attaching. */
export interface ReviewWithEvent extends ReviewView {
  resolution: ReviewResolution | null;
  receivedAt: number;
  body: string;
}

interface InboxRecord {
  id: number;
  provider: string;
  event_id: string;
  received_at: number;
  body: string;
  state: InboxState;
  outcome: string | null;
  processed_at: number | null;
}

const REVIEW_WITH_EVENT = `r.id, r.inbox_id AS inboxId, r.provider, r.event_id AS eventId, r.order_number AS orderNumber,
  r.tracking_number AS trackingNumber, r.code, r.reason, r.detail, r.created_at AS createdAt, r.resolved_at AS resolvedAt,
  r.resolution, i.received_at AS receivedAt, i.body
  FROM courier_review r JOIN courier_inbox i ON i.id = r.inbox_id`;

export class CourierInbox {
  private readonly stmts;

  constructor(readonly sqlite: Database.Database) {
    this.stmts = {
      insert: sqlite.prepare<[string, string, number, string, InboxState, string | null]>(
        `INSERT INTO courier_inbox (provider, event_id, received_at, body, state, outcome) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(provider, event_id) DO NOTHING`,
      ),
      pending: sqlite.prepare<[number], InboxRecord>(`SELECT * FROM courier_inbox WHERE state = 'pending' ORDER BY id LIMIT ?`),
      finish: sqlite.prepare<[InboxState, string, number, number]>('UPDATE courier_inbox SET state = ?, outcome = ?, processed_at = ? WHERE id = ?'),
      review: sqlite.prepare(
        `INSERT INTO courier_review (inbox_id, provider, event_id, order_number, tracking_number, code, reason, detail, created_at)
         VALUES (@inboxId, @provider, @eventId, @orderNumber, @trackingNumber, @code, @reason, @detail, @createdAt)`,
      ),
      openReviews: sqlite.prepare<[], ReviewView>(
        `SELECT id, inbox_id AS inboxId, provider, event_id AS eventId, order_number AS orderNumber, tracking_number AS trackingNumber,
                code, reason, detail, created_at AS createdAt, resolved_at AS resolvedAt
         FROM courier_review WHERE resolved_at IS NULL ORDER BY created_at, id`,
      ),
      openWithEvents: sqlite.prepare<[number], ReviewWithEvent>(
        `SELECT ${REVIEW_WITH_EVENT} WHERE r.resolved_at IS NULL ORDER BY r.created_at, r.id LIMIT ?`,
      ),
      openCount: sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM courier_review WHERE resolved_at IS NULL'),
      reviewById: sqlite.prepare<[number], ReviewWithEvent>(`SELECT ${REVIEW_WITH_EVENT} WHERE r.id = ?`),
      inboxById: sqlite.prepare<[number], InboxRecord>('SELECT * FROM courier_inbox WHERE id = ?'),
      resolve: sqlite.prepare<[number, ReviewResolution, string, string, number]>(
        'UPDATE courier_review SET resolved_at = ?, resolution = ?, resolved_by = ?, resolution_note = ? WHERE id = ? AND resolved_at IS NULL',
      ),
    };
  }

  /** Stores a webhook; null when the same provider event id is already stored (a repeat). */
  insert(provider: string, eventId: string, receivedAt: number, body: string, state: InboxState = 'pending', outcome: string | null = null): number | null {
    const r = this.stmts.insert.run(provider, eventId, receivedAt, body, state, outcome);
    return r.changes === 0 ? null : Number(r.lastInsertRowid);
  }

  pending(limit: number): CourierInboxRow[] {
    return this.stmts.pending.all(limit).map(fromRecord);
  }

  finish(id: number, state: InboxState, outcome: string, at: number): void {
    this.stmts.finish.run(state, outcome.slice(0, 2000), at, id);
  }

  addReview(r: ReviewInput): void {
    this.stmts.review.run({ ...r, detail: r.detail.slice(0, 2000) });
  }

  openReviews(): ReviewView[] {
    return this.stmts.openReviews.all();
  }

  /** The oldest `limit` open reviews with their webhooks, and how many are open in all. */
  openWithEvents(limit: number): { rows: ReviewWithEvent[]; total: number } {
    return { rows: this.stmts.openWithEvents.all(limit), total: this.stmts.openCount.get()?.n ?? 0 };
  }

  review(id: number): ReviewWithEvent | null {
    return this.stmts.reviewById.get(id) ?? null;
  }

  inboxRow(id: number): CourierInboxRow | null {
    const r = this.stmts.inboxById.get(id);
    return r === undefined ? null : fromRecord(r);
  }

  /** Closes an open review; false when it was already closed (a replay changes nothing). */
  resolve(id: number, resolution: ReviewResolution, by: string, note: string, at: number): boolean {
    return this.stmts.resolve.run(at, resolution, by, note.slice(0, 2000), id).changes === 1;
  }
}

function fromRecord(r: InboxRecord): CourierInboxRow {
  return {
    id: r.id,
    provider: r.provider,
    eventId: r.event_id,
    receivedAt: r.received_at,
    body: r.body,
    state: r.state,
    outcome: r.outcome,
    processedAt: r.processed_at,
  };
}
