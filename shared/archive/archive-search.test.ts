// How typed text becomes an archive question, and what the server's answer must look like
// before the desktop shows it.
import { describe, expect, it } from 'vitest';
import { archiveQuerySchema, archiveSearchOf, beforeProblem, parseArchiveCard, toArchiveOrder } from './archive-search';
import { testOrderRow } from '../testing/order-row';

describe('archiveSearchOf', () => {
  it('reads digits with phone separators as a phone', () => {
    expect(archiveSearchOf('+7 (701) 345-39-42')).toEqual({ kind: 'phone', text: '+7 (701) 345-39-42' });
    expect(archiveSearchOf('3453')).toEqual({ kind: 'phone', text: '3453' });
  });
  it('reads a word with digits as an order number, upper-cased', () => {
    expect(archiveSearchOf(' mr-100123 ')).toEqual({ kind: 'number', text: 'MR-100123' });
    expect(archiveSearchOf('AL10')).toEqual({ kind: 'number', text: 'AL10' });
  });
  it('reads anything else with letters as a customer, spaces and control characters squeezed', () => {
    expect(archiveSearchOf('ТОО  Ёлка\u0000трейд')).toEqual({ kind: 'customer', text: 'ТОО Ёлка трейд' });
    expect(archiveSearchOf('"elka" OR *')).toEqual({ kind: 'customer', text: '"elka" OR *' });
  });
  it('asks nothing for too little text', () => {
    for (const t of ['', '  ', 'a', '12', '---', '\u0000\u0000']) expect(archiveSearchOf(t)).toBeNull();
  });
  it('cuts pasted paragraphs to what the server takes', () => {
    const r = archiveSearchOf('x'.repeat(500));
    expect(r?.text).toHaveLength(100);
    expect(archiveQuerySchema.safeParse({ customer: r?.text }).success).toBe(true);
  });
  it('always makes a query the server accepts', () => {
    for (const typed of ['+7 701', 'mr-1', 'Ёлка', '8 (777) 111-22-33', 'a b c 1', 'ООО "Рога и копыта"']) {
      const r = archiveSearchOf(typed);
      if (r === null) continue;
      expect(archiveQuerySchema.safeParse({ [r.kind]: r.text }).success, typed).toBe(true);
    }
  });
});

describe('beforeProblem', () => {
  const now = Date.UTC(2026, 11, 2, 12);
  it('takes up to tomorrow and refuses later days, naming the field', () => {
    expect(beforeProblem(undefined, now)).toBeNull();
    expect(beforeProblem('2026-12-03', now)).toBeNull();
    expect(beforeProblem('2026-12-04', now)).toBe('before: not after 2026-12-03');
  });
});

describe('parseArchiveCard', () => {
  const order = toArchiveOrder(testOrderRow({ id: 'o1', number: 'MR-1', status: 'delivered' }), null);
  it('takes a card with its events', () => {
    const r = parseArchiveCard({ order, events: [] });
    expect(r.ok).toBe(true);
  });
  it('refuses an order with extra fields, an unknown status or a missing timeline', () => {
    expect(parseArchiveCard({ order: { ...order, secret: 1 }, events: [] }).ok).toBe(false);
    expect(parseArchiveCard({ order: { ...order, status: 'teleported' }, events: [] }).ok).toBe(false);
    expect(parseArchiveCard({ order }).ok).toBe(false);
    expect(parseArchiveCard(null).ok).toBe(false);
  });
});
