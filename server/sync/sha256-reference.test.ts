// shared/crypto/sha256 against node:crypto (the reference) over arbitrary strings, including
// lone surrogates and every length across the 55/56/64-byte padding boundaries: row ids and
// ack digests must come out the same on every side.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../shared/crypto/sha256';

const reference = (s: string): string => createHash('sha256').update(Buffer.from(new TextEncoder().encode(s))).digest('hex');

describe('sha256Hex against node:crypto', () => {
  it('agrees on every length across the padding boundaries', () => {
    for (let n = 0; n < 200; n++) expect(sha256Hex('x'.repeat(n))).toBe(reference('x'.repeat(n)));
  });

  it('agrees on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => sha256Hex(s) === reference(s)), { numRuns: 200 });
  });
});
