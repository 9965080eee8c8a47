// Hand corrections of a status (seed 003), pinned where StrykerJS found them tested only through
// the mutators: where a correction may go, who may make one, each refusal's code and words, the
// milestones a correction sets only when first reached, and when it can still be undone.
import { describe, expect, it } from 'vitest';
import type { StatusSnapshot } from './order-intake';
import { canUndoCorrection, checkCorrection, correctedSnapshot, correctionTargets, type CorrectionSubject } from './status-correction';
import { ACTORS, ORDER_STATUSES } from './vocabulary';

const paidWarehouseOrder: CorrectionSubject = { status: 'delivered', warehouseId: 'wh-1', paidAt: 1 };

describe('correctionTargets', () => {
  it('offers every other status but problem to a paid warehouse order', () => {
    expect(correctionTargets(paidWarehouseOrder)).toEqual(['new', 'confirmed', 'at_warehouse', 'in_transit', 'closed', 'cancelled']);
  });
  it('never offers at_warehouse to a direct pickup, nor closed before payment', () => {
    expect(correctionTargets({ status: 'in_transit', warehouseId: null, paidAt: null })).toEqual(['new', 'confirmed', 'delivered', 'cancelled']);
  });
  it('offers at_warehouse to an unpaid warehouse order', () => {
    expect(correctionTargets({ status: 'in_transit', warehouseId: 'wh-1', paidAt: null })).toContain('at_warehouse');
  });
});

describe('checkCorrection', () => {
  it.each(ACTORS.filter((a) => a !== 'supervisor' && a !== 'admin'))('refuses %s', (actor) => {
    expect(checkCorrection(paidWarehouseOrder, actor, 'in_transit', 'wrong scan')).toEqual({
      ok: false,
      code: 'forbidden',
      message: 'Only a supervisor or an admin can correct a status by hand',
    });
  });
  it.each(['supervisor', 'admin'] as const)('lets %s correct with a reason', (actor) => {
    expect(checkCorrection(paidWarehouseOrder, actor, 'in_transit', 'wrong scan')).toEqual({ ok: true });
  });
  it.each(['', '   ', '\n\t'])('asks for a reason when given %j', (reason) => {
    expect(checkCorrection(paidWarehouseOrder, 'supervisor', 'in_transit', reason)).toEqual({
      ok: false,
      code: 'reason_required',
      message: 'Say why the status is corrected',
    });
  });
  it('says why each target is refused', () => {
    const refusal = (order: CorrectionSubject, to: (typeof ORDER_STATUSES)[number]) => checkCorrection(order, 'admin', to, 'because');
    expect(refusal(paidWarehouseOrder, 'delivered')).toEqual({ ok: false, code: 'forbidden_transition', message: 'The order already has this status' });
    expect(refusal(paidWarehouseOrder, 'problem')).toEqual({ ok: false, code: 'forbidden_transition', message: 'Report a problem with its reason instead of correcting to it' });
    expect(refusal({ ...paidWarehouseOrder, paidAt: null }, 'closed')).toEqual({ ok: false, code: 'forbidden_transition', message: 'An order is closed only once its payment is recorded' });
    expect(refusal({ ...paidWarehouseOrder, warehouseId: null }, 'at_warehouse')).toEqual({ ok: false, code: 'forbidden_transition', message: 'A direct pickup order is never at a warehouse' });
  });
});

describe('correctedSnapshot', () => {
  const AT = 5_000;
  const blank: StatusSnapshot = {
    status: 'problem',
    subMark: 'arrived',
    problemReason: 'no_answer',
    problemComment: 'call later',
    statusBeforeProblem: 'in_transit',
    statusChangedAt: 1,
    confirmedAt: null,
    pickedAt: null,
    deliveredAt: null,
    slaDeadline: 9_000,
  };

  it('clears the problem and sub-mark, keeps the deadline, stamps the change', () => {
    expect(correctedSnapshot(blank, 'in_transit', AT)).toEqual({
      ...blank,
      status: 'in_transit',
      subMark: null,
      problemReason: null,
      problemComment: null,
      statusBeforeProblem: null,
      statusChangedAt: AT,
      confirmedAt: AT,
      pickedAt: null,
      deliveredAt: null,
    });
  });
  it.each([
    ['new', { confirmedAt: null, pickedAt: null, deliveredAt: null }],
    ['cancelled', { confirmedAt: null, pickedAt: null, deliveredAt: null }],
    ['confirmed', { confirmedAt: AT, pickedAt: null, deliveredAt: null }],
    ['at_warehouse', { confirmedAt: AT, pickedAt: AT, deliveredAt: null }],
    ['delivered', { confirmedAt: AT, pickedAt: null, deliveredAt: AT }],
    ['closed', { confirmedAt: AT, pickedAt: null, deliveredAt: AT }],
  ] as const)('to %s sets the milestones first reached', (to, milestones) => {
    expect(correctedSnapshot(blank, to, AT)).toMatchObject(milestones);
  });
  it('never moves a milestone already reached', () => {
    const reached = { ...blank, confirmedAt: 10, pickedAt: 20, deliveredAt: 30 };
    for (const to of ORDER_STATUSES) {
      expect(correctedSnapshot(reached, to, AT)).toMatchObject({ confirmedAt: 10, pickedAt: 20, deliveredAt: 30 });
    }
  });
  it('keeps a zero milestone as reached (null means not reached, not falsy)', () => {
    expect(correctedSnapshot({ ...blank, confirmedAt: 0, pickedAt: 0, deliveredAt: 0 }, 'delivered', AT)).toMatchObject({ confirmedAt: 0, pickedAt: 0, deliveredAt: 0 });
  });
});

describe('canUndoCorrection', () => {
  const before = correctedSnapshot(
    { status: 'new', subMark: null, problemReason: null, problemComment: null, statusBeforeProblem: null, statusChangedAt: 0, confirmedAt: null, pickedAt: null, deliveredAt: null, slaDeadline: null },
    'new',
    0,
  );
  it('is true only while the order is at the version the correction left', () => {
    expect(canUndoCorrection({ version: 4, lastCorrection: { eventId: 'e1', version: 4, before } })).toBe(true);
    expect(canUndoCorrection({ version: 5, lastCorrection: { eventId: 'e1', version: 4, before } })).toBe(false);
    expect(canUndoCorrection({ version: 4, lastCorrection: null })).toBe(false);
  });
});
