import { describe, expect, it } from 'vitest';
import { importBatches } from './import-batches';

const json = (source: string, rows: unknown[]): number => Buffer.byteLength(JSON.stringify({ source, rows }));
const self = <T>(r: T): T => r;

describe('importBatches', () => {
  it('fills each batch up to the byte budget exactly, never over, keeping row order', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ n: i, pad: 'x'.repeat(90 + (i % 7)) }));
    const maxBytes = 1000;
    const batches = importBatches('f.xlsx', rows, self, { maxRows: 200, maxBytes });
    expect(batches.flat()).toEqual(rows);
    for (const [i, b] of batches.entries()) {
      expect(json('f.xlsx', b)).toBeLessThanOrEqual(maxBytes);
      // Full: the next row would not have fitted.
      const next = batches[i + 1]?.[0];
      if (next !== undefined) expect(json('f.xlsx', [...b, next])).toBeGreaterThan(maxBytes);
    }
  });

  it('counts UTF-8 bytes, so Cyrillic rows make smaller batches than Latin ones of the same length', () => {
    const latin = Array.from({ length: 20 }, () => ({ city: 'a'.repeat(100) }));
    const cyrillic = Array.from({ length: 20 }, () => ({ city: 'я'.repeat(100) }));
    const limits = { maxRows: 200, maxBytes: 1200 };
    const l = importBatches('s', latin, self, limits);
    const c = importBatches('s', cyrillic, self, limits);
    expect(c.length).toBeGreaterThan(l.length);
    for (const b of c) expect(json('s', b)).toBeLessThanOrEqual(1200);
  });

  it('caps the rows per batch, and gives a row too big for any batch one of its own', () => {
    expect(importBatches('s', [1, 2, 3, 4, 5], self, { maxRows: 2, maxBytes: 10_000 })).toEqual([[1, 2], [3, 4], [5]]);
    const huge = { big: 'x'.repeat(500) };
    expect(importBatches('s', [{ a: 1 }, huge, { b: 2 }], self, { maxRows: 10, maxBytes: 100 })).toEqual([[{ a: 1 }], [huge], [{ b: 2 }]]);
    expect(importBatches('s', [], self)).toEqual([]);
  });

  it('measures what is sent (argsOf), not the caller\'s bookkeeping around it', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ view: 'v'.repeat(10_000), args: { i } }));
    expect(importBatches('s', rows, (r) => r.args, { maxRows: 200, maxBytes: 200 })).toHaveLength(1);
  });

});
