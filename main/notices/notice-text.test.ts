// The desktop notification's title for the carrier follow-ups (issue 16): their own words in both
// languages, never the SLA fallback ("Due soon") nor the raw kind.
import { describe, expect, it } from 'vitest';
import { noticeText } from './notice-text';

const order = { number: 'FR-77', customer: 'Kaspi', reason: null };

describe('carrier alert notices', () => {
  it('say what to do in Russian and English', () => {
    expect(noticeText('ru', 'carrier_loading', order)).toEqual({ title: 'Скоро погрузка: заказ FR-77', body: 'Kaspi: позвоните перевозчику, погрузка через 2 часа' });
    expect(noticeText('en', 'carrier_loading', order)).toEqual({ title: 'Carrier loads soon: order FR-77', body: 'Kaspi: call the carrier, loading in 2 hours' });
    expect(noticeText('ru', 'carrier_call', order).title).toBe('Позвонить перевозчику: заказ FR-77');
    expect(noticeText('en', 'carrier_call', order)).toEqual({ title: 'Call the carrier: order FR-77', body: 'Kaspi: ask the carrier where the cargo is' });
  });
});
