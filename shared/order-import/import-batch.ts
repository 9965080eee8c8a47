// A spreadsheet import sent in several importOrders mutations ("parts") is one file: the server
// holds the parts and applies them together in one transaction when the last one arrives, or
// refuses the whole file. This is the rule for one arriving part, pure, in one place: the server
// (server/sync/import-batches.ts) asks it and does what it says; the desktop words its answers.
//
//   part 0 of an import the server has not seen opens it (unless the user has too many open);
//   a part of an open import is held, and the last missing one commits them all;
//   the same part again (the same text) is a replay: answered as the import stands, never held twice;
//   another text under a part already held, another part count, a part index out of range,
//   too many rows in all, or the same shop number in two parts refuse the WHOLE import;
//   a part of an unknown, expired, refused or finished import changes nothing.
import { z } from 'zod';
import { MAX_ORDER_IMPORT_ROWS } from '../api/order-import-api';

export const IMPORT_BATCH_LIMITS = {
  /** Parts of one import at most (the desktop cuts 200 rows or 256K characters a part: ~10 for 2,000 rows). */
  maxParts: 100,
  /** Rows of one import at most, over all its parts. */
  maxRows: MAX_ORDER_IMPORT_ROWS,
  /** Characters of one part's JSON at most (the desktop's outbox keeps to the same limit). */
  maxPartChars: 256 * 1024,
  /** Characters of all of one import's parts together (what the server holds for it on disk). */
  maxImportChars: 16 * 1024 * 1024,
  /** Imports one user may have open (some parts held, not yet complete) at a time. */
  maxOpenPerUser: 3,
  /** An import with no new part for this long is given up and its parts dropped. */
  expireAfterMs: 24 * 3_600_000,
  /** How long a finished, refused or expired import is remembered (to answer its replays). */
  rememberMs: 7 * 24 * 3_600_000,
} as const;

/** Carried in importOrders' arguments: which file, which part of how many, and its rows' numbers in the file. */
export const importBatchSchema = z
  .object({
    importId: z.uuid(),
    /** 0-based. */
    part: z.number().int().nonnegative().max(IMPORT_BATCH_LIMITS.maxParts),
    parts: z.number().int().positive().max(IMPORT_BATCH_LIMITS.maxParts),
    /** The spreadsheet row of each of the part's rows (1-based, header included), as the user sees it. */
    sourceRows: z.array(z.number().int().positive().max(1_000_000)).max(IMPORT_BATCH_LIMITS.maxRows).optional(),
  })
  .strict();
export type ImportBatch = z.output<typeof importBatchSchema>;

export type ImportBatchState = 'open' | 'committed' | 'refused' | 'expired';

/** What the server holds of an import (absent: never seen, or forgotten). */
export interface HeldImport {
  userId: string;
  parts: number;
  state: ImportBatchState;
  /** Each held part's JSON text and rows (only while open). */
  held: ReadonlyMap<number, { text: string; externalIds: readonly string[]; sourceRows: readonly number[] }>;
  /** The refusal, once refused or expired. */
  refusal: ImportRefusal | null;
}

export interface ArrivingPart {
  userId: string;
  batch: ImportBatch;
  /** The part's arguments as JSON text (what a replay must equal). */
  text: string;
  externalIds: readonly string[];
}

/** Machine codes of import refusals; each is counted by the server. */
export const IMPORT_REFUSAL_CODES = [
  'import_unknown',
  'import_expired',
  'import_flood',
  'import_part_too_large',
  'import_part_out_of_range',
  'import_parts_changed',
  'import_part_changed',
  'import_too_many_rows',
  'import_duplicate_row',
  'import_refused',
] as const;
export type ImportRefusalCode = (typeof IMPORT_REFUSAL_CODES)[number];

export interface ImportRefusal {
  code: ImportRefusalCode | string;
  message: string;
  details: { importId: string; part?: number; parts?: number; row?: number; field?: string; reason?: string; [k: string]: unknown };
}

export type PartDecision =
  /** Keep it; more parts are to come. `opens`: the first part of a new import. */
  | { kind: 'hold'; opens: boolean }
  /** Keep it and apply every part now, in part order, in one transaction. */
  | { kind: 'commit'; opens: boolean }
  /** A replay, or a part of an import already decided: answer as the import stands, change nothing. */
  | { kind: 'answer'; as: 'held' | 'applied' | 'refused'; refusal: ImportRefusal | null }
  /** Refuse this part; `wholeImport`: the open import is refused with it (nothing of it applies). */
  | { kind: 'refuse'; refusal: ImportRefusal; wholeImport: boolean };

const where = (b: ImportBatch) => `part ${b.part + 1} of ${b.parts}`;

export function decidePart(held: HeldImport | undefined, part: ArrivingPart, ctx: { openImportsOfUser: number }): PartDecision {
  const { batch } = part;
  const base = { importId: batch.importId, part: batch.part, parts: batch.parts };
  const refuse = (code: ImportRefusalCode, message: string, wholeImport: boolean, extra: Record<string, unknown> = {}): PartDecision => ({
    kind: 'refuse',
    refusal: { code, message, details: { ...base, ...extra } },
    wholeImport,
  });
  // Another user's import id is as unknown to this user as one never sent: nothing to learn from it.
  const mine = held !== undefined && held.userId === part.userId ? held : undefined;
  if (part.text.length > IMPORT_BATCH_LIMITS.maxPartChars) {
    return refuse('import_part_too_large', `This ${where(batch)} of the import is too large (${part.text.length} characters; at most ${IMPORT_BATCH_LIMITS.maxPartChars})`, mine?.state === 'open');
  }
  if (batch.part >= batch.parts) {
    return refuse('import_part_out_of_range', `Part ${batch.part + 1} of an import of ${batch.parts} parts does not exist`, mine?.state === 'open');
  }
  if (mine === undefined) {
    if (batch.part !== 0) return refuse('import_unknown', `The server does not hold the start of this import (${where(batch)}): nothing of it was applied; import the file again`, false);
    if (ctx.openImportsOfUser >= IMPORT_BATCH_LIMITS.maxOpenPerUser) {
      return refuse('import_flood', `You already have ${ctx.openImportsOfUser} imports on their way to the server; wait until they finish`, false);
    }
    if (part.externalIds.length > IMPORT_BATCH_LIMITS.maxRows) return refuse('import_too_many_rows', `An import holds at most ${IMPORT_BATCH_LIMITS.maxRows} rows`, false);
    return batch.parts === 1 ? { kind: 'commit', opens: true } : { kind: 'hold', opens: true };
  }
  const earlier = mine.held.get(batch.part);
  if (mine.state !== 'open') {
    if (mine.state === 'committed') return { kind: 'answer', as: 'applied', refusal: null };
    if (mine.state === 'expired') {
      return refuse('import_expired', `This import waited more than a day for its remaining parts and was dropped: nothing of it was applied; import the file again`, false);
    }
    return { kind: 'answer', as: 'refused', refusal: mine.refusal };
  }
  if (batch.parts !== mine.parts) {
    return refuse('import_parts_changed', `This import was started with ${mine.parts} parts and now says ${batch.parts}`, true, { expectedParts: mine.parts });
  }
  if (earlier !== undefined) {
    if (earlier.text === part.text) return { kind: 'answer', as: 'held', refusal: null };
    return refuse('import_part_changed', `Part ${batch.part + 1} of this import arrived again with other contents`, true);
  }
  let rows = part.externalIds.length;
  let chars = part.text.length;
  const seen = new Map<string, number>();
  for (const p of mine.held.values()) {
    rows += p.externalIds.length;
    chars += p.text.length;
    p.externalIds.forEach((id, i) => seen.set(id, p.sourceRows[i] ?? 0));
  }
  if (rows > IMPORT_BATCH_LIMITS.maxRows) return refuse('import_too_many_rows', `An import holds at most ${IMPORT_BATCH_LIMITS.maxRows} rows; this one has ${rows}`, true);
  if (chars > IMPORT_BATCH_LIMITS.maxImportChars) {
    return refuse('import_part_too_large', `An import holds at most ${IMPORT_BATCH_LIMITS.maxImportChars} characters of data in all`, true);
  }
  for (const [i, id] of part.externalIds.entries()) {
    const first = seen.get(id);
    if (first !== undefined) {
      const row = batch.sourceRows?.[i];
      return refuse('import_duplicate_row', `Row ${row ?? '?'}: the shop number ${id} is also in row ${first || '?'}`, true, {
        ...(row === undefined ? {} : { row }),
        field: 'externalId',
        firstRow: first,
      });
    }
  }
  return mine.held.size + 1 === mine.parts ? { kind: 'commit', opens: false } : { kind: 'hold', opens: false };
}

/**
 * The import refused because one of its parts was (a row the server's checks refused): which
 * spreadsheet row and field, from the mutator's error (`details.index` or a `rows.N.field` path).
 */
export function refusalFromPart(batch: ImportBatch, error: { code: string; message: string; details?: Record<string, unknown> }): ImportRefusal {
  const d = error.details ?? {};
  const path = typeof d['field'] === 'string' ? d['field'] : '';
  const m = /^rows\.(\d+)(?:\.(.+))?$/.exec(path);
  const index = typeof d['index'] === 'number' ? d['index'] : m?.[1] !== undefined ? Number(m[1]) : undefined;
  const row = index === undefined ? undefined : batch.sourceRows?.[index];
  const field = m !== null ? m[2] : path !== '' ? path : undefined;
  const at = row !== undefined ? `Row ${row}${field === undefined ? '' : `, ${field}`}: ` : `Part ${batch.part + 1} of ${batch.parts}: `;
  return {
    code: 'import_refused',
    message: `${at}${error.message}. Nothing of the file was imported`,
    details: {
      importId: batch.importId,
      part: batch.part,
      parts: batch.parts,
      reason: error.code,
      ...(row === undefined ? {} : { row }),
      ...(field === undefined ? {} : { field }),
    },
  };
}

/** Whether an open import has waited too long, and whether a decided one may be forgotten. */
export function importIsStale(state: ImportBatchState, updatedAt: number, now: number): 'expire' | 'forget' | null {
  if (state === 'open') return now - updatedAt >= IMPORT_BATCH_LIMITS.expireAfterMs ? 'expire' : null;
  return now - updatedAt >= IMPORT_BATCH_LIMITS.rememberMs ? 'forget' : null;
}

/** The refusal every held part of an expired import is answered with. */
export function expiredRefusal(importId: string): ImportRefusal {
  return {
    code: 'import_expired',
    message: 'This import waited more than a day for its remaining parts and was dropped: nothing of it was applied; import the file again',
    details: { importId },
  };
}
