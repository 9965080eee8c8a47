// The carrier search input is hostile ground (issue 11): whatever a logistician types or
// pastes (NUL bytes, quotes, FTS5 syntax such as `*`, `NEAR(`, `AND`, `OR`, `-`, `^`, column
// filters, lone surrogates, `__proto__`, very long text), searchCarriers and countCarriers
// answer through the typed API without throwing and without an SQL/FTS error: text over the
// contract's 200 characters is `invalid_request` naming the field, anything else is a result,
// and that result never widens: every carrier found holds each word that was typed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarrierCount, CarrierSearchResponse } from '../../shared/api/carriers-api';
import type { Reply } from '../../shared/api/wire';
import { looksNumeric } from '../../shared/carriers/normalize-phone';
import { scriptVariants } from '../../shared/carriers/transliterate';
import { createApi, type Api } from '../api/create-api';
import { memorySettings } from '../settings/settings-store';
import { createFakeSync } from '../testing/fake-sync';
import { fixtureReplica, onePerFile } from '../testing/fixture-replica';
import { addCarrier, addDeal, addLane } from './carrier-fixtures';

const fx = onePerFile(fixtureReplica);
let api: Api;
/** Everything the text index holds per carrier (name, tax id, phones, contact, notes). */
const indexed = new Map<string, string>();

beforeAll(() => {
  api = createApi({ replica: fx().replica, settings: memorySettings({ serverUrl: 'http://127.0.0.1:1', token: 't' }), connect: () => createFakeSync() });
  const carriers = [
    { name: 'ТрансЛогистик', taxId: '990340001234', phone: '+7 701 123 45 67', contactPerson: 'Серик Ахметов', notes: 'тент, NEAR складов', baseCity: 'Алматы' },
    { name: 'KazCargo Express', taxId: '7707083893', phone: '8 (777) 555-01-02', contactPerson: 'Anna OR Bob', notes: '"quoted" AND * ^start' },
    { name: 'Степной Путь', phone: '7012223344', contactPerson: 'constructor', notes: '__proto__ toString' },
    { name: 'Логист Плюс', phone: '+7 705 000 11 22', contactPerson: 'Айгерим', notes: 'рефрижератор -минус' },
  ];
  for (const c of carriers) {
    const row = addCarrier(fx().replica, c);
    addLane(fx().replica, row.id, 'Алматы', 'Астана');
    addDeal(fx().replica, row.id, { fromCity: 'Алматы', toCity: 'Астана' });
    indexed.set(row.id, [c.name, c.taxId ?? '', c.phone, c.contactPerson, c.notes].join(' '));
  }
});
afterAll(async () => {
  await api.close();
});

/** As FTS5's unicode61 with remove_diacritics 2 compares: lower case, no combining marks. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** True when every word of `text` (as the query builder splits it) is in the carrier's text. */
function holdsEveryWord(carrierId: string, text: string): boolean {
  const haystack = fold(indexed.get(carrierId) ?? '');
  const words = text.trim().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).slice(0, 8);
  return words.every((w) => /^\d+$/.test(w) || scriptVariants(w).some((v) => haystack.includes(fold(v))));
}

const hostile = fc.constantFrom(
  '\u0000', '"', '""', "'", '*', 'NEAR(', 'NEAR', 'AND', 'OR', 'NOT', '-', '^', ':', 'name:', '(', ')', '{', '}', '+', ';', '--', '/*',
  '\ud800', '\udfff', '\u200b', '\ufeff', '__proto__', 'constructor', 'toString', 'транс', 'Kaz', 'серик', 'логист', 'cargo', '701', '8777', 'тент',
);
const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }), hostile, hostile);
const typed = fc.array(piece, { maxLength: 8 }).chain((parts) => fc.constantFrom(parts.join(' '), parts.join(''), `"${parts.join(' ')}`, parts.join('\u0000')));
const city = fc.constantFrom(undefined, 'Алматы', 'almaty', 'Астана', '\u0000', '"', 'NEAR(', '__proto__', '*');

async function search(args: Record<string, unknown>): Promise<Reply<unknown>> {
  return api.dispatch('searchCarriers', args);
}

describe('carrier search over hostile text', () => {
  it('never throws, never an SQL/FTS error, never widens', async () => {
    await fc.assert(
      fc.asyncProperty(typed, city, async (text, fromCity) => {
        const args = { text, ...(fromCity === undefined ? {} : { fromCity }) };
        const reply = await search(args);
        const count = await api.dispatch('countCarriers', args);
        if (text.length > 200) {
          // The contract: a clear refusal naming the field, for both calls.
          for (const r of [reply, count]) {
            if (r.ok) return false;
            if (r.error.code !== 'invalid_request' || !/\btext\b/.test(r.error.message)) return false;
          }
          return true;
        }
        if (!reply.ok || !count.ok) throw new Error(`${JSON.stringify(args)}: ${JSON.stringify(reply.ok ? count : reply)}`);
        const found = (reply.value as CarrierSearchResponse).results;
        expect((count.value as CarrierCount).total).toBe(found.length);
        // Numbers are also matched as phone digit runs; words are checked where there are words.
        return looksNumeric(text.trim()) || found.every((r) => holdsEveryWord(r.id, text));
      }),
      { numRuns: 400 },
    );
  });

  it('the plain words still find their carrier, whatever syntax surrounds them', async () => {
    const names = async (args: Record<string, unknown>) => {
      const r = await search(args);
      if (!r.ok) throw new Error(r.error.message);
      return (r.value as CarrierSearchResponse).results.map((x) => x.name);
    };
    expect(await names({ text: 'транс\u0000' })).toEqual(['ТрансЛогистик']);
    expect(await names({ text: '"транс' })).toEqual(['ТрансЛогистик']);
    expect(await names({ text: 'NEAR(транс, серик)' })).toEqual(['ТрансЛогистик']);
    expect(await names({ text: 'kaz* OR транс' })).toEqual([]); // every word must hold: no carrier has both
    expect(await names({ text: '__proto__' })).toEqual(['Степной Путь']);
    expect(await names({ text: 'constructor', fromCity: 'Алматы' })).toEqual(['Степной Путь']);
    expect(await names({ text: '*' })).toEqual([]);
    expect(await names({ text: '\u0000' })).toEqual([]);
    expect(await names({ text: 'x'.repeat(200) })).toEqual([]);
  });

  it('text over 200 characters is refused with the field named', async () => {
    for (const text of ['a'.repeat(201), '"'.repeat(5000), '\u0000'.repeat(201), 'NEAR('.repeat(100_000)]) {
      expect(await search({ text })).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/text/) } });
    }
    expect(await search({ text: 'транс', __proto__: { text: 'x' } })).toMatchObject({ ok: true });
    expect(await search({ text: 'транс', constructor: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});
