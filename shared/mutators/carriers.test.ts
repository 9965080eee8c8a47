import { describe, it, expect } from 'vitest';
import { normalizePhone } from './carriers';
import { fakeWorld, orderAt, run, T0 } from '../testing/fake-world';

describe('carrier mutators', () => {
  it('normalizes phones: digits only, leading 8 -> 7', () => {
    expect(normalizePhone('8 (701) 123-45-67')).toBe('77011234567');
    expect(normalizePhone('+7 701 123 45 67')).toBe('77011234567');
    expect(normalizePhone('')).toBe('');
  });

  it('creates a carrier and edits it last-writer-wins, bumping version', () => {
    const tx = fakeWorld();
    expect(run(tx, 'u-logistician', 'createCarrier', { name: 'ТОО Жол Транс', phone: '8 701 123 45 67', baseCity: 'Астана' }).result).toBe('applied');
    const [c] = tx.all('carriers');
    expect(c).toMatchObject({ phoneNormalized: '77011234567', securityCheck: 'pending', version: 1, createdAt: T0 });
    run(tx, 'u-logistician', 'editCarrier', { carrierId: c?.id, patch: { phone: '+7 777 000 11 22', securityCheck: 'passed' } }, T0 + 10);
    expect(tx.get('carriers', c?.id ?? '')).toMatchObject({ phoneNormalized: '77770001122', securityCheck: 'passed', securityCheckedAt: T0 + 10, version: 2, name: 'ТОО Жол Транс' });
  });

  it('adds vehicles, lanes, offers and deals to an existing carrier only', () => {
    const tx = fakeWorld();
    run(tx, 'u-logistician', 'createCarrier', { name: 'ИП Ахметов' });
    const id = tx.all('carriers')[0]?.id ?? '';
    expect(run(tx, 'u-logistician', 'addCarrierVehicle', { carrierId: id, type: 'refrigerator', tonnage: 20, refrigerated: true, adrClasses: '2,3' }).result).toBe('applied');
    expect(run(tx, 'u-logistician', 'addCarrierVehicle', { carrierId: id, type: 'tent', tonnage: 20, adrClasses: 'lots' })).toMatchObject({ error: { code: 'bad_args' } });
    expect(run(tx, 'u-logistician', 'addCarrierLane', { carrierId: id, fromCity: 'Алматы', toCity: 'Астана' }).result).toBe('applied');
    expect(run(tx, 'u-logistician', 'addCarrierOffer', { carrierId: id, fromCity: 'Алматы', toCity: 'Шымкент', rate: 350_000 }).result).toBe('applied');
    const o = orderAt(tx, '1', 'confirmed');
    expect(run(tx, 'u-logistician', 'recordCarrierDeal', { carrierId: id, orderId: o.id, fromCity: 'Алматы', toCity: 'Астана', rate: 400_000, outcome: 'success' }).result).toBe('applied');
    expect(run(tx, 'u-logistician', 'recordCarrierDeal', { carrierId: id, orderId: 'nope', fromCity: 'A', toCity: 'B', rate: 1, outcome: 'success' })).toMatchObject({ error: { code: 'not_found' } });
    expect(run(tx, 'u-logistician', 'addCarrierLane', { carrierId: 'nope', fromCity: 'A', toCity: 'B' })).toMatchObject({ error: { code: 'not_found' } });
    expect(tx.all('carrier_offers')[0]).toMatchObject({ currency: 'KZT', offeredAt: T0 });
    expect(run(tx, 'u-dispatcher', 'addCarrierLane', { carrierId: id, fromCity: 'A', toCity: 'B' })).toMatchObject({ error: { code: 'forbidden' } });
  });
});
