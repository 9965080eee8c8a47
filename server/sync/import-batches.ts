// The server's side of multi-part imports: parts are held in import_batch_parts (inside the
// push's transaction, so a restart between parts loses and duplicates nothing) and applied all
// together, in part order, in one savepoint when the last arrives. What to do with an arriving
// part is decided by shared/order-import/import-batch.ts; this file only reads and writes.
import type Database from 'better-sqlite3';
import { importOrders } from '../../shared/mutators/import-orders';
import type { BusinessErrorBody } from '../../shared/mutators';
import {
  decidePart,
  expiredRefusal,
  IMPORT_BATCH_LIMITS,
  importBatchSchema,
  importIsStale,
  refusalFromPart,
  type HeldImport,
  type ImportBatch,
  type ImportBatchState,
  type ImportRefusal,
} from '../../shared/order-import/import-batch';

/** A held part as the commit runs it: its arguments and the client mid its row ids derive from. */
export interface HeldPart {
  part: number;
  clientId: string;
  mid: number;
  args: unknown;
  at: number;
}

export interface PartArrival {
  clientId: string;
  mid: number;
  userId: string;
  args: unknown;
  at: number;
  now: number;
}

/** `rejectHeld`: parts acknowledged 'held' before, now refused with the import (their re-acks must say so). */
export interface PartAnswer {
  result: 'held' | 'applied' | 'rejected';
  error?: BusinessErrorBody;
  rejectHeld: Array<{ clientId: string; mid: number }>;
}

export class ImportBatchCounters {
  partsReceived = 0;
  partsHeld = 0;
  replays = 0;
  committed = 0;
  ordersCommitted = 0;
  refused = 0;
  expired = 0;
  forgotten = 0;
  /** Refusals by code (shared IMPORT_REFUSAL_CODES, and bad_args for a malformed part). */
  readonly refusedByCode = new Map<string, number>();

  count(code: string): void {
    this.refused++;
    this.refusedByCode.set(code, (this.refusedByCode.get(code) ?? 0) + 1);
  }

  snapshot(): Record<string, unknown> {
    return {
      partsReceived: this.partsReceived,
      partsHeld: this.partsHeld,
      replays: this.replays,
      committed: this.committed,
      ordersCommitted: this.ordersCommitted,
      refused: this.refused,
      refusedByCode: Object.fromEntries(this.refusedByCode),
      expired: this.expired,
      forgotten: this.forgotten,
    };
  }
}

/** Whether a mutation is a part of an import sent in parts (it carries `batch`). */
export function carriesImportBatch(name: string, args: unknown): boolean {
  return name === 'importOrders' && typeof args === 'object' && args !== null && !Array.isArray(args) && Object.hasOwn(args, 'batch');
}

interface BatchRow {
  user_id: string;
  parts: number;
  state: ImportBatchState;
  refusal: string | null;
}

export class ImportBatches {
  readonly counters = new ImportBatchCounters();
  private readonly s;

  constructor(private readonly sqlite: Database.Database) {
    this.s = {
      getBatch: sqlite.prepare<[string], BatchRow>('SELECT user_id, parts, state, refusal FROM import_batches WHERE import_id = ?'),
      getParts: sqlite.prepare<[string], { part: number; client_id: string; mid: number; args: string; at: number }>(
        'SELECT part, client_id, mid, args, at FROM import_batch_parts WHERE import_id = ? ORDER BY part',
      ),
      openOfUser: sqlite.prepare<[string], { n: number }>("SELECT count(*) AS n FROM import_batches WHERE user_id = ? AND state = 'open'"),
      insertBatch: sqlite.prepare<[string, string, number, number, number]>(
        "INSERT INTO import_batches (import_id, user_id, parts, state, refusal, created_at, updated_at) VALUES (?, ?, ?, 'open', NULL, ?, ?)",
      ),
      touch: sqlite.prepare<[number, string]>('UPDATE import_batches SET updated_at = ? WHERE import_id = ?'),
      decide: sqlite.prepare<[string, string | null, number, string]>('UPDATE import_batches SET state = ?, refusal = ?, updated_at = ? WHERE import_id = ?'),
      insertPart: sqlite.prepare<[string, number, string, number, string, number]>(
        'INSERT INTO import_batch_parts (import_id, part, client_id, mid, args, at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      movePart: sqlite.prepare<[string, number, string, number]>('UPDATE import_batch_parts SET client_id = ?, mid = ? WHERE import_id = ? AND part = ?'),
      dropParts: sqlite.prepare<[string]>('DELETE FROM import_batch_parts WHERE import_id = ?'),
      heldAt: sqlite.prepare<[string, number], { n: number }>(
        "SELECT count(*) AS n FROM import_batch_parts p JOIN import_batches b ON b.import_id = p.import_id WHERE p.client_id = ? AND p.mid = ? AND b.state = 'open'",
      ),
      // Candidates only: importIsStale (shared) decides.
      stale: sqlite.prepare<[number], { import_id: string; state: ImportBatchState; updated_at: number }>(
        'SELECT import_id, state, updated_at FROM import_batches WHERE updated_at <= ?',
      ),
      forget: sqlite.prepare<[string]>('DELETE FROM import_batches WHERE import_id = ?'),
    };
  }

  /** Whether (clientId, mid) is a part held by an import still open (its re-ack is 'held'). */
  heldAt(clientId: string, mid: number): boolean {
    return (this.s.heldAt.get(clientId, mid)?.n ?? 0) > 0;
  }

  /**
   * One arriving part, inside the push's transaction. `commit` runs every held part, in order,
   * and returns the first refusal (with the part it came from), or null when all applied; the
   * caller runs it in a savepoint that a refusal rolls back.
   */
  receive(p: PartArrival, commit: (parts: HeldPart[]) => { part: ImportBatch; error: BusinessErrorBody } | null): PartAnswer {
    this.counters.partsReceived++;
    const parsed = importOrders.args.safeParse(p.args);
    const rawBatch = importBatchSchema.safeParse((p.args as { batch?: unknown }).batch);
    if (!parsed.success || parsed.data.batch === undefined) {
      // A part that is not a well-formed importOrders call: refused, and with it its import, if we hold one.
      const issue = parsed.success ? undefined : parsed.error.issues[0];
      const field = issue === undefined ? 'batch' : issue.path.join('.');
      const error: BusinessErrorBody = {
        code: 'bad_args',
        message: `Invalid import part: ${field}: ${issue?.message ?? 'missing'}`,
        details: { field, ...(rawBatch.success ? { importId: rawBatch.data.importId, part: rawBatch.data.part, parts: rawBatch.data.parts } : {}) },
      };
      this.counters.count('bad_args');
      if (!rawBatch.success) return { result: 'rejected', error, rejectHeld: [] };
      const batch = rawBatch.data;
      const held = this.load(batch.importId);
      if (held?.userId !== p.userId || held.state !== 'open') return { result: 'rejected', error, rejectHeld: [] };
      const refusal = refusalFromPart(batch, error);
      return this.refuseImport(batch.importId, refusal, p.now);
    }
    const batch = parsed.data.batch;
    const text = JSON.stringify(p.args);
    const held = this.load(batch.importId);
    const decision = decidePart(held, { userId: p.userId, batch, text, externalIds: parsed.data.rows.map((r) => r.externalId) }, {
      openImportsOfUser: this.s.openOfUser.get(p.userId)?.n ?? 0,
    });
    switch (decision.kind) {
      case 'answer':
        this.counters.replays++;
        if (decision.as === 'held') {
          // The same part under a new mid (the desktop took a new client id): its rows' ids follow the latest.
          this.s.movePart.run(p.clientId, p.mid, batch.importId, batch.part);
          return { result: 'held', rejectHeld: [] };
        }
        if (decision.as === 'applied') return { result: 'applied', rejectHeld: [] };
        return { result: 'rejected', error: toError(decision.refusal ?? expiredRefusal(batch.importId)), rejectHeld: [] };
      case 'refuse':
        this.counters.count(decision.refusal.code);
        if (decision.wholeImport) return this.refuseImport(batch.importId, decision.refusal, p.now);
        return { result: 'rejected', error: toError(decision.refusal), rejectHeld: [] };
      case 'hold':
      case 'commit': {
        if (decision.opens) this.s.insertBatch.run(batch.importId, p.userId, batch.parts, p.now, p.now);
        else this.s.touch.run(p.now, batch.importId);
        this.s.insertPart.run(batch.importId, batch.part, p.clientId, p.mid, text, p.at);
        if (decision.kind === 'hold') {
          this.counters.partsHeld++;
          return { result: 'held', rejectHeld: [] };
        }
        const parts = this.s.getParts.all(batch.importId).map((r) => ({ part: r.part, clientId: r.client_id, mid: r.mid, args: JSON.parse(r.args) as unknown, at: r.at }));
        const failed = commit(parts);
        if (failed !== null) {
          this.counters.count('import_refused');
          return this.refuseImport(batch.importId, refusalFromPart(failed.part, failed.error), p.now, { clientId: p.clientId, mid: p.mid });
        }
        this.s.dropParts.run(batch.importId);
        this.s.decide.run('committed', null, p.now, batch.importId);
        this.counters.committed++;
        this.counters.ordersCommitted += parts.reduce((n, x) => n + (x.args as { rows: unknown[] }).rows.length, 0);
        return { result: 'applied', rejectHeld: [] };
      }
    }
  }

  /**
   * Gives up imports that waited too long for their remaining parts (their held parts are
   * refused: `rejectHeld`), and forgets decided ones after a week. Returns what changed.
   */
  expire(now: number): { expired: number; forgotten: number; rejectHeld: Array<{ clientId: string; mid: number; error: BusinessErrorBody }> } {
    const rejectHeld: Array<{ clientId: string; mid: number; error: BusinessErrorBody }> = [];
    let expired = 0;
    let forgotten = 0;
    for (const b of this.s.stale.all(now - Math.min(IMPORT_BATCH_LIMITS.expireAfterMs, IMPORT_BATCH_LIMITS.rememberMs))) {
      const verdict = importIsStale(b.state, b.updated_at, now);
      if (verdict === 'expire') {
        const refusal = expiredRefusal(b.import_id);
        for (const part of this.s.getParts.all(b.import_id)) rejectHeld.push({ clientId: part.client_id, mid: part.mid, error: toError(refusal) });
        this.s.dropParts.run(b.import_id);
        this.s.decide.run('expired', JSON.stringify(refusal), now, b.import_id);
        expired++;
      } else if (verdict === 'forget') {
        this.s.forget.run(b.import_id);
        forgotten++;
      }
    }
    this.counters.expired += expired;
    this.counters.forgotten += forgotten;
    return { expired, forgotten, rejectHeld };
  }

  private refuseImport(importId: string, refusal: ImportRefusal, now: number, except?: { clientId: string; mid: number }): PartAnswer {
    const rejectHeld = this.s
      .getParts.all(importId)
      .filter((r) => except === undefined || r.client_id !== except.clientId || r.mid !== except.mid)
      .map((r) => ({ clientId: r.client_id, mid: r.mid }));
    this.s.dropParts.run(importId);
    this.s.decide.run('refused', JSON.stringify(refusal), now, importId);
    return { result: 'rejected', error: toError(refusal), rejectHeld };
  }

  private load(importId: string): HeldImport | undefined {
    const b = this.s.getBatch.get(importId);
    if (b === undefined) return undefined;
    const held = new Map<number, { text: string; externalIds: readonly string[]; sourceRows: readonly number[] }>();
    if (b.state === 'open') {
      for (const r of this.s.getParts.all(importId)) {
        const args = JSON.parse(r.args) as { rows: Array<{ externalId: string }>; batch?: { sourceRows?: number[] } };
        held.set(r.part, { text: r.args, externalIds: args.rows.map((x) => x.externalId), sourceRows: args.batch?.sourceRows ?? [] });
      }
    }
    return { userId: b.user_id, parts: b.parts, state: b.state, held, refusal: b.refusal === null ? null : (JSON.parse(b.refusal) as ImportRefusal) };
  }
}

function toError(r: ImportRefusal): BusinessErrorBody {
  return { code: r.code, message: r.message, details: r.details };
}

