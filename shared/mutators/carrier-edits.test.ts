// The carrier mutators added for issue 6 (security verdicts, blacklist, vehicle and lane edits,
// bulk import); the first ones are covered in carriers.test.ts.
import { describe, expect, it } from 'vitest';
import { binCheckDigit } from '../carriers/tax-id';
import { fakeWorld, run, T0 } from '../testing/fake-world';

const BIN = `99034000123${binCheckDigit('99034000123')}`;

function world() {
  const tx = fakeWorld();
  run(tx, 'u-logistician', 'createCarrier', { name: 'ТОО Жол Транс', taxId: BIN, phone: '8 701 123 45 67' });
  const id = tx.all('carriers')[0]?.id ?? '';
  return { tx, id };
}

describe('carrier verdicts', () => {
  it('records the security check with its date and note', () => {
    const { tx, id } = world();
    expect(run(tx, 'u-supervisor', 'setCarrierSecurityCheck', { carrierId: id, state: 'failed', note: 'долги по налогам' }, T0 + 5).result).toBe('applied');
    expect(tx.get('carriers', id)).toMatchObject({ securityCheck: 'failed', securityCheckedAt: T0 + 5, version: 2 });
    expect(tx.get('carriers', id)?.notes).toMatch(/^\[2025-03-03\] Проверка безопасности: не пройдена: долги по налогам$/);
  });

  it('blacklists only with a reason, and can lift it', () => {
    const { tx, id } = world();
    expect(run(tx, 'u-logistician', 'setCarrierBlacklisted', { carrierId: id, blacklisted: true })).toMatchObject({ error: { code: 'reason_required' } });
    expect(run(tx, 'u-logistician', 'setCarrierBlacklisted', { carrierId: id, blacklisted: true, reason: 'сорвал рейс' }).result).toBe('applied');
    expect(tx.get('carriers', id)).toMatchObject({ blacklisted: true });
    run(tx, 'u-logistician', 'setCarrierBlacklisted', { carrierId: id, blacklisted: false });
    expect(tx.get('carriers', id)?.notes.split('\n')).toEqual(['[2025-03-03] В чёрном списке: сорвал рейс', '[2025-03-03] Снят с чёрного списка']);
    expect(run(tx, 'u-dispatcher', 'setCarrierBlacklisted', { carrierId: id, blacklisted: false })).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('checks tax ids when set or changed, and keeps an old unchecked one on other edits', () => {
    const tx = fakeWorld();
    expect(run(tx, 'u-logistician', 'createCarrier', { name: 'X', taxId: '123456789012' })).toMatchObject({ error: { code: 'invalid_tax_id' } });
    expect(tx.all('carriers')).toHaveLength(0);
    const { tx: tx2, id } = world();
    expect(run(tx2, 'u-logistician', 'editCarrier', { carrierId: id, patch: { taxId: '12345' } })).toMatchObject({ error: { code: 'invalid_tax_id' } });
    tx2.put('carriers', { ...(tx2.get('carriers', id) ?? ({} as never)), taxId: '000000000000' });
    expect(run(tx2, 'u-logistician', 'editCarrier', { carrierId: id, patch: { taxId: '000000000000', notes: 'ok' } }).result).toBe('applied');
  });
});

describe('vehicle and lane edits', () => {
  it('edits and removes a vehicle, removes a lane', () => {
    const { tx, id } = world();
    run(tx, 'u-logistician', 'addCarrierVehicle', { carrierId: id, type: 'tent', tonnage: 20, adrClasses: ' 3, 8 ' });
    const v = tx.all('carrier_vehicles')[0];
    expect(v).toMatchObject({ adrClasses: '3,8', refrigerated: false });
    expect(run(tx, 'u-logistician', 'editCarrierVehicle', { vehicleId: v?.id, patch: { tonnage: 22, oversize: true } }).result).toBe('applied');
    expect(tx.get('carrier_vehicles', v?.id ?? '')).toMatchObject({ tonnage: 22, oversize: true, type: 'tent' });
    expect(run(tx, 'u-logistician', 'removeCarrierVehicle', { vehicleId: v?.id }).result).toBe('applied');
    expect(run(tx, 'u-logistician', 'removeCarrierVehicle', { vehicleId: v?.id })).toMatchObject({ error: { code: 'not_found' } });
    run(tx, 'u-logistician', 'addCarrierLane', { carrierId: id, fromCity: 'Алматы', toCity: 'Астана' });
    const lane = tx.all('carrier_lanes')[0];
    expect(run(tx, 'u-logistician', 'removeCarrierLane', { laneId: lane?.id }).result).toBe('applied');
    expect(tx.all('carrier_lanes')).toHaveLength(0);
  });
});

describe('importCarriers', () => {
  const row = (name: string, over: Record<string, unknown> = {}) => ({
    carrier: { name, phone: '+7 777 000 00 01', ...over },
    vehicle: { type: 'tent', tonnage: 20, plate: '123 ABC 02' },
    lanes: [{ fromCity: 'Алматы', toCity: 'Астана' }],
  });

  it('creates carriers with their vehicle and lanes; a second import of the same rows into them adds nothing twice', () => {
    const tx = fakeWorld();
    expect(run(tx, 'u-logistician', 'importCarriers', { source: 'base.xlsx', rows: [row('A'), row('B')] }).result).toBe('applied');
    expect(tx.all('carriers').map((c) => c.name).sort()).toEqual(['A', 'B']);
    expect(tx.all('carrier_lanes')).toHaveLength(2);
    const a = tx.all('carriers').find((c) => c.name === 'A');
    run(tx, 'u-logistician', 'importCarriers', { source: 'base.xlsx', rows: [{ ...row('A2'), existingId: a?.id, carrier: { name: 'A2', phone: '', notes: '' } }] });
    expect(tx.all('carrier_lanes')).toHaveLength(2);
    expect(tx.all('carrier_vehicles')).toHaveLength(2);
    expect(tx.get('carriers', a?.id ?? '')).toMatchObject({ name: 'A2', phone: '+7 777 000 00 01', version: 2 });
  });

  it('refuses the whole batch when one row is bad, naming the row', () => {
    const tx = fakeWorld();
    const outcome = run(tx, 'u-logistician', 'importCarriers', { source: 'f.xlsx', rows: [row('A'), row('B', { taxId: '111' })] });
    expect(outcome).toMatchObject({ result: 'rejected', error: { code: 'invalid_tax_id', message: expect.stringMatching(/^Row 2 of the batch/) } });
    expect(tx.all('carriers')).toHaveLength(0);
    expect(run(tx, 'u-logistician', 'importCarriers', { source: 'f.xlsx', rows: [] })).toMatchObject({ error: { code: 'bad_args' } });
  });
});
