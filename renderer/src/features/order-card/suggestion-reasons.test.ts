import { describe, expect, it } from 'vitest';
import type { DriverSuggestionView } from '../../../../shared/api/drivers-api';
import { makeTranslator } from '../../i18n/translate';
import { excludedText, suggestionReasons } from './suggestion-reasons';

const NOW = Date.UTC(2026, 2, 4, 7);
const s = { driverId: 'd1', name: 'Ерлан', shiftState: 'on_shift', load: 1, assignedToday: 3, distanceKm: 2.4, fixAt: NOW - 20 * 60_000, score: 80, noSignal: true, isRegular: true, onBreak: false, reasons: [] as string[] } satisfies DriverSuggestionView;
const sp = (x: string) => x.replace(/[\u00a0\u202f]/g, ' ');

describe('assign dialog reasons', () => {
  it('shows why in the dispatcher language, with plurals', () => {
    expect(sp(suggestionReasons({ ...s }, NOW, makeTranslator('ru')).join(' · '))).toBe(
      '2,4 км до точки забора · в работе 1 заказ, сегодня 3 · постоянный водитель · нет сигнала 20 мин',
    );
    expect(sp(suggestionReasons({ ...s, load: 2, noSignal: false, isRegular: false }, NOW, makeTranslator('en')).join(' · '))).toBe('2.4 km to the pickup · 2 orders in work, 3 today');
  });
  it('says why others are not offered, by reason', () => {
    const ex: { driverId: string; name: string; reason: 'off_shift' | 'on_break' }[] = [
      { driverId: 'a', name: 'A', reason: 'off_shift' },
      { driverId: 'b', name: 'B', reason: 'on_break' },
      { driverId: 'c', name: 'C', reason: 'off_shift' },
    ];
    expect(excludedText(ex, makeTranslator('en'))).toBe('Off shift: A, C. On a break: B');
    expect(excludedText(ex, makeTranslator('ru'), 1)).toBe('Не на смене: A и ещё 1. На перерыве: B');
  });
});
