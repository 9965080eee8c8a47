// The carrier dialog's deal (issue 16): the loading time typed in the region's clock becomes the
// deal's loadingAt, and a date a day in the past or a year ahead (a wrong year: 2100) is refused
// by field before anything is sent, the same limit as the mutator's.
import { describe, expect, it } from 'vitest';
import type { CarrierSearchResult } from '../../../../shared/api/carriers-api';
import { buildDeal, dealDraft } from './handover-model';

const NOW = Date.parse('2026-03-03T11:00:00+05:00');
const carrier = {
  id: 'c1', name: 'ТОО Жол Транс', taxId: '', phone: '+7 701 123 45 67', phoneNormalized: '77011234567', email: null, contactPerson: 'Серик',
  baseCity: 'Астана', currentCity: null, availableFrom: null, rating: 0, securityCheck: 'passed', securityCheckedAt: null, blacklisted: false,
  reason: 'direction', flags: [], reliability: null, dealsOk: 0, dealsProblem: 0, lastRate: null, vehicles: [], vehiclesMatching: 0,
} as unknown as CarrierSearchResult;
const opts = { offsetMinutes: 300, actor: 'dispatcher' as const, reasonRequired: false, now: NOW };

describe('the carrier deal from the dialog', () => {
  it('takes the loading day and time in the region clock', () => {
    const d = { ...dealDraft(carrier, NOW, 300), rate: '250000', loadingDay: '2026-03-03', loadingMinute: 14 * 60 };
    expect(buildDeal(carrier, d, opts)).toMatchObject({ problems: [], deal: { loadingAt: Date.parse('2026-03-03T14:00:00+05:00'), contact: 'Серик +7 701 123 45 67', rate: 250_000 } });
  });

  it('refuses a loading day in 2100, a year ahead or two days ago, naming the loading field', () => {
    for (const loadingDay of ['2100-01-01', '2027-03-05', '2026-03-01']) {
      const d = { ...dealDraft(carrier, NOW, 300), rate: '250000', loadingDay, loadingMinute: 9 * 60 };
      expect(buildDeal(carrier, d, opts), loadingDay).toEqual({ deal: null, problems: ['loading'] });
    }
  });
});
