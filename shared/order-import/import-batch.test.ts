import { describe, expect, it } from 'vitest';
import {
  decidePart,
  expiredRefusal,
  IMPORT_BATCH_LIMITS,
  importBatchSchema,
  importIsStale,
  refusalFromPart,
  type ArrivingPart,
  type HeldImport,
} from './import-batch';

const ID = '3f1c2a9e-5b7d-4c1e-9a2b-1c2d3e4f5a6b';
const part = (p: number, parts: number, ids: string[], over: Partial<ArrivingPart> = {}): ArrivingPart => ({
  userId: 'u1',
  batch: { importId: ID, part: p, parts, sourceRows: ids.map((_, i) => 2 + p * 10 + i) },
  text: JSON.stringify({ p, ids }),
  externalIds: ids,
  ...over,
});
const held = (parts: number, got: ArrivingPart[], over: Partial<HeldImport> = {}): HeldImport => ({
  userId: 'u1',
  parts,
  state: 'open',
  held: new Map(got.map((g) => [g.batch.part, { text: g.text, externalIds: g.externalIds, sourceRows: g.batch.sourceRows ?? [] }])),
  refusal: null,
  ...over,
});
const ctx = { openImportsOfUser: 0 };

describe('one arriving part of a multi-part import', () => {
  it('part 0 opens an import, middle parts are held, the last missing part commits them all', () => {
    expect(decidePart(undefined, part(0, 3, ['A']), ctx)).toEqual({ kind: 'hold', opens: true });
    expect(decidePart(held(3, [part(0, 3, ['A'])]), part(1, 3, ['B']), ctx)).toEqual({ kind: 'hold', opens: false });
    expect(decidePart(held(3, [part(0, 3, ['A']), part(1, 3, ['B'])]), part(2, 3, ['C']), ctx)).toEqual({ kind: 'commit', opens: false });
    // Parts may come in any order once the import is open: the last MISSING one commits.
    expect(decidePart(held(3, [part(0, 3, ['A']), part(2, 3, ['C'])]), part(1, 3, ['B']), ctx)).toEqual({ kind: 'commit', opens: false });
    // A file of one part commits at once.
    expect(decidePart(undefined, part(0, 1, ['A']), ctx)).toEqual({ kind: 'commit', opens: true });
  });

  it('a replay is answered as the import stands and never held twice', () => {
    const p0 = part(0, 3, ['A']);
    expect(decidePart(held(3, [p0]), p0, ctx)).toEqual({ kind: 'answer', as: 'held', refusal: null });
    expect(decidePart(held(3, [], { state: 'committed' }), p0, ctx)).toEqual({ kind: 'answer', as: 'applied', refusal: null });
    const refusal = { code: 'import_refused', message: 'Row 3: no', details: { importId: ID, row: 3 } };
    expect(decidePart(held(3, [], { state: 'refused', refusal }), part(2, 3, ['C']), ctx)).toEqual({ kind: 'answer', as: 'refused', refusal });
  });

  it('another text under a held part, another part count, an index out of range refuse the whole import', () => {
    const p0 = part(0, 3, ['A']);
    expect(decidePart(held(3, [p0]), part(0, 3, ['X']), ctx)).toMatchObject({ kind: 'refuse', wholeImport: true, refusal: { code: 'import_part_changed' } });
    expect(decidePart(held(3, [p0]), part(1, 4, ['B']), ctx)).toMatchObject({
      kind: 'refuse',
      wholeImport: true,
      refusal: { code: 'import_parts_changed', details: { expectedParts: 3, parts: 4 } },
    });
    expect(decidePart(held(3, [p0]), part(3, 3, ['B']), ctx)).toMatchObject({ kind: 'refuse', wholeImport: true, refusal: { code: 'import_part_out_of_range' } });
    // Out of range with nothing held: refused, nothing to refuse with it.
    expect(decidePart(undefined, part(5, 2, ['B']), ctx)).toMatchObject({ kind: 'refuse', wholeImport: false, refusal: { code: 'import_part_out_of_range' } });
  });

  it('the same shop number in two parts refuses the import naming both spreadsheet rows', () => {
    const p0 = part(0, 2, ['A', 'B']);
    const p1 = part(1, 2, ['C', 'B']);
    expect(decidePart(held(2, [p0]), p1, ctx)).toMatchObject({
      kind: 'refuse',
      wholeImport: true,
      refusal: { code: 'import_duplicate_row', message: 'Row 13: the shop number B is also in row 3', details: { row: 13, firstRow: 3, field: 'externalId' } },
    });
  });

  it('too many rows or characters in all refuse the import; an oversize part is refused', () => {
    const big = Array.from({ length: IMPORT_BATCH_LIMITS.maxRows }, (_, i) => `R${i}`);
    expect(decidePart(held(2, [part(0, 2, big)]), part(1, 2, ['X']), ctx)).toMatchObject({ kind: 'refuse', wholeImport: true, refusal: { code: 'import_too_many_rows' } });
    const huge = 'x'.repeat(IMPORT_BATCH_LIMITS.maxPartChars);
    expect(decidePart(undefined, part(0, 2, ['A'], { text: `${huge}!` }), ctx)).toMatchObject({ kind: 'refuse', wholeImport: false, refusal: { code: 'import_part_too_large' } });
    expect(decidePart(undefined, part(0, 2, ['A'], { text: huge }), ctx)).toEqual({ kind: 'hold', opens: true });
    const many = Array.from({ length: 64 }, (_, i) => part(i, 80, [`P${i}`], { text: `${i}`.padEnd(IMPORT_BATCH_LIMITS.maxPartChars, ' ') }));
    expect(decidePart(held(80, many), part(64, 80, ['Z'], { text: 'z'.repeat(10) }), ctx)).toMatchObject({ kind: 'refuse', wholeImport: true, refusal: { code: 'import_part_too_large' } });
  });

  it('a later part of an import the server never saw, or of an expired one, changes nothing', () => {
    expect(decidePart(undefined, part(1, 3, ['B']), ctx)).toMatchObject({ kind: 'refuse', wholeImport: false, refusal: { code: 'import_unknown' } });
    expect(decidePart(held(3, [], { state: 'expired', refusal: expiredRefusal(ID) }), part(2, 3, ['C']), ctx)).toMatchObject({
      kind: 'refuse',
      wholeImport: false,
      refusal: { code: 'import_expired' },
    });
    // Another user's import id is unknown to this user; their part 0 does not join it.
    expect(decidePart(held(3, [part(0, 3, ['A'])], { userId: 'u2' }), part(1, 3, ['B']), ctx)).toMatchObject({ refusal: { code: 'import_unknown' } });
  });

  it('a user with too many imports open is refused a new one (a flood), not a part of an open one', () => {
    const full = { openImportsOfUser: IMPORT_BATCH_LIMITS.maxOpenPerUser };
    expect(decidePart(undefined, part(0, 3, ['A']), full)).toMatchObject({ kind: 'refuse', wholeImport: false, refusal: { code: 'import_flood' } });
    expect(decidePart(undefined, part(0, 3, ['A']), { openImportsOfUser: IMPORT_BATCH_LIMITS.maxOpenPerUser - 1 })).toEqual({ kind: 'hold', opens: true });
    expect(decidePart(held(3, [part(0, 3, ['A'])]), part(1, 3, ['B']), full)).toEqual({ kind: 'hold', opens: false });
  });

  it('the envelope is checked: a uuid id, bounded numbers, nothing else', () => {
    expect(importBatchSchema.safeParse({ importId: ID, part: 0, parts: 2 }).success).toBe(true);
    expect(importBatchSchema.safeParse({ importId: '__proto__', part: 0, parts: 2 }).success).toBe(false);
    expect(importBatchSchema.safeParse({ importId: ID, part: -1, parts: 2 }).success).toBe(false);
    expect(importBatchSchema.safeParse({ importId: ID, part: 0, parts: 0 }).success).toBe(false);
    expect(importBatchSchema.safeParse({ importId: ID, part: 0, parts: IMPORT_BATCH_LIMITS.maxParts + 1 }).success).toBe(false);
    expect(importBatchSchema.safeParse({ importId: ID, part: 0, parts: 2, extra: 1 }).success).toBe(false);
  });
});

describe('the refusal a refused row gives the whole import', () => {
  const batch = { importId: ID, part: 1, parts: 3, sourceRows: [12, 14, 15] };
  it('names the spreadsheet row and field from a schema path or the row index', () => {
    expect(refusalFromPart(batch, { code: 'bad_args', message: 'Invalid importOrders: too short', details: { field: 'rows.1.customerName' } })).toEqual({
      code: 'import_refused',
      message: 'Row 14, customerName: Invalid importOrders: too short. Nothing of the file was imported',
      details: { importId: ID, part: 1, parts: 3, reason: 'bad_args', row: 14, field: 'customerName' },
    });
    expect(refusalFromPart(batch, { code: 'not_found', message: 'Warehouse w9 does not exist', details: { index: 2, warehouseId: 'w9' } })).toMatchObject({
      message: 'Row 15: Warehouse w9 does not exist. Nothing of the file was imported',
      details: { row: 15, reason: 'not_found' },
    });
    expect(refusalFromPart(batch, { code: 'bad_args', message: 'Delivery window: ends before it starts', details: { index: 0, field: 'windowEnd' } })).toMatchObject({
      details: { row: 12, field: 'windowEnd' },
    });
    expect(refusalFromPart(batch, { code: 'forbidden', message: 'Not allowed' })).toMatchObject({ message: 'Part 2 of 3: Not allowed. Nothing of the file was imported' });
  });
});

describe('stale imports', () => {
  it('an open import expires a day after its last part; a decided one is forgotten after a week', () => {
    const day = IMPORT_BATCH_LIMITS.expireAfterMs;
    expect(importIsStale('open', 0, day - 1)).toBeNull();
    expect(importIsStale('open', 0, day)).toBe('expire');
    expect(importIsStale('committed', 0, day)).toBeNull();
    expect(importIsStale('refused', 0, IMPORT_BATCH_LIMITS.rememberMs)).toBe('forget');
  });
});
