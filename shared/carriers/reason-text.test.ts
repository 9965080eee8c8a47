import { describe, expect, it } from 'vitest';
import { formatDay, reasonText } from './reason-text';

const AT = Date.UTC(2026, 2, 12, 10);
const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('reasonText', () => {
  it('says why, with the figures, in Russian and English', () => {
    const deals = { tier: 'deals', dealsOk: 3, lastRate: 450_000, lastAt: AT } as const;
    expect(sp(reasonText(deals, 'ru'))).toBe('3 успешные сделки по направлению, последняя 450 000 ₸ (12.03.2026)');
    expect(sp(reasonText(deals, 'en'))).toBe('3 successful deals on this direction, last ₸450,000 on 12/03/2026');
    expect(reasonText({ ...deals, dealsOk: 5 }, 'ru')).toMatch(/^5 успешных сделок/);
    expect(reasonText({ ...deals, dealsOk: 21 }, 'ru')).toMatch(/^21 успешная сделка/);
    expect(reasonText({ ...deals, dealsOk: 1 }, 'en')).toMatch(/^1 successful deal on/);
    expect(reasonText({ tier: 'offers', offers: 1, lastRate: null, lastAt: null }, 'ru')).toBe('1 предложение по направлению');
    expect(sp(reasonText({ tier: 'location', city: 'Каскелен', distanceKm: 24.6, availableFrom: null }, 'ru'))).toBe('Сейчас в Каскелен, 25 км');
    expect(reasonText({ tier: 'location', city: 'Алматы', distanceKm: 0, availableFrom: AT }, 'en')).toBe('In Алматы from 12/03/2026');
    expect(reasonText({ tier: 'none' }, 'en')).toBe('By rating and reliability');
    expect(reasonText({ tier: 'home', city: 'Алматы', distanceKm: 0 }, 'ru')).toBe('Город базирования: Алматы');
    expect(sp(reasonText({ tier: 'home', city: 'Kaskelen', distanceKm: 24.6 }, 'en'))).toBe('Home city: Kaskelen, 25 km');
  });
  it('shows days in Kazakhstan time', () => {
    expect(formatDay(Date.UTC(2026, 2, 12, 20), 'ru')).toBe('13.03.2026');
  });
});
