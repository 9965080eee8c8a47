// Who may acknowledge which alert (issue 16's gap): the desk any alert, a logistician only the
// carrier follow-ups addressed to them. Hostile pushes: another person's alert id, an unknown id,
// a dispatcher-only alert; each refused naming alertId, and nothing changes.
import { describe, expect, it } from 'vitest';
import type { AlertRow } from '../schema';
import { fakeWorld, run, T0 } from '../testing/fake-world';
import { openAlertRow } from './alert-row';
import type { AlertKind } from './alert-vocabulary';

function alert(id: string, kind: AlertKind, assigneeId: string | null): AlertRow {
  return openAlertRow(
    {
      id,
      orderId: 'o1',
      orderNumber: 'FR-1',
      warehouseId: null,
      kind,
      dueAt: T0 + 3_600_000,
      triggeredAt: T0,
      audience: kind === 'sla_critical' ? 'supervisor' : 'dispatcher',
      assigneeId,
      priority: false,
      customerName: 'ТОО Ромашка',
      message: { ru: 'Позвоните перевозчику', en: 'Call the carrier' },
      tasks: [],
    },
    T0,
  );
}

function world() {
  const tx = fakeWorld();
  const rows = {
    mine: alert('al:mine', 'carrier_loading', 'u-logistician'),
    myCall: alert('al:call', 'carrier_call', 'u-logistician'),
    dispatchers: alert('al:disp', 'carrier_call', 'u-dispatcher'),
    unaddressed: alert('al:none', 'carrier_loading', null),
    slaMine: alert('al:sla-l', 'sla_warning', 'u-logistician'),
    sla: alert('al:sla', 'sla_warning', 'u-dispatcher'),
  };
  for (const r of Object.values(rows)) tx.put('alerts', r);
  return { tx, rows };
}

const refusal = (alertId: string) => ({
  result: 'rejected',
  error: { code: 'forbidden', message: `Alert ${alertId} is not yours to acknowledge: only its own person or the desk can`, details: { field: 'alertId', alertId } },
});

describe('acknowledgeAlert by a logistician', () => {
  it('acknowledges the carrier follow-ups addressed to them', () => {
    const { tx, rows } = world();
    expect(run(tx, 'u-logistician', 'acknowledgeAlert', { alertId: rows.mine.id }, T0 + 10).result).toBe('applied');
    expect(tx.get('alerts', rows.mine.id)).toMatchObject({ state: 'acknowledged', acknowledgedAt: T0 + 10, acknowledgedBy: 'u-logistician', acknowledgedByName: 'Logistician Dana' });
    expect(run(tx, 'u-logistician', 'acknowledgeAlert', { alertId: rows.myCall.id }, T0 + 20).result).toBe('applied');
    expect(tx.get('alerts', rows.myCall.id)?.acknowledgedBy).toBe('u-logistician');
  });

  it("refuses another person's alert, an unaddressed one and any dispatcher-only kind, naming alertId; nothing changes", () => {
    const { tx, rows } = world();
    for (const a of [rows.dispatchers, rows.unaddressed, rows.slaMine, rows.sla]) {
      expect(run(tx, 'u-logistician', 'acknowledgeAlert', { alertId: a.id }, T0 + 10)).toEqual(refusal(a.id));
      expect(tx.get('alerts', a.id)).toEqual(a);
    }
  });

  it('refuses an unknown id as not found, and a malformed one as bad args', () => {
    const { tx } = world();
    expect(run(tx, 'u-logistician', 'acknowledgeAlert', { alertId: 'al:nope' })).toEqual({
      result: 'rejected',
      error: { code: 'not_found', message: 'Alert al:nope does not exist', details: { field: 'alertId', alertId: 'al:nope' } },
    });
    expect(run(tx, 'u-logistician', 'acknowledgeAlert', { alertId: '' })).toMatchObject({ result: 'rejected', error: { code: 'bad_args', details: { field: 'alertId' } } });
    expect(run(tx, 'u-logistician', 'acknowledgeAlert', { alertId: '__proto__' })).toMatchObject({ result: 'rejected', error: { code: 'not_found' } });
  });

  it('the desk still acknowledges any alert, a logistician’s too; the warehouse none', () => {
    const { tx, rows } = world();
    expect(run(tx, 'u-dispatcher2', 'acknowledgeAlert', { alertId: rows.mine.id }, T0 + 10).result).toBe('applied');
    expect(tx.get('alerts', rows.mine.id)?.acknowledgedBy).toBe('u-dispatcher2');
    expect(run(tx, 'u-supervisor', 'acknowledgeAlert', { alertId: rows.sla.id }, T0 + 10).result).toBe('applied');
    expect(run(tx, 'u-warehouse', 'acknowledgeAlert', { alertId: rows.dispatchers.id })).toMatchObject({ result: 'rejected', error: { code: 'forbidden', details: { mutator: 'acknowledgeAlert' } } });
    expect(tx.get('alerts', rows.dispatchers.id)?.acknowledgedAt).toBeNull();
  });

  it('an alert already acknowledged by the desk stays as it was when its logistician acknowledges it', () => {
    const { tx, rows } = world();
    run(tx, 'u-dispatcher', 'acknowledgeAlert', { alertId: rows.mine.id }, T0 + 10);
    expect(run(tx, 'u-logistician', 'acknowledgeAlert', { alertId: rows.mine.id }, T0 + 20).result).toBe('applied');
    expect(tx.get('alerts', rows.mine.id)).toMatchObject({ acknowledgedAt: T0 + 10, acknowledgedBy: 'u-dispatcher' });
  });
});
