import { beforeEach, describe, expect, it } from 'vitest';
import { installApi } from '../../api/client';
import { createFakeApi, type FakeApi } from '../../testing/fake-api';
import { makeFakeWorld } from '../../testing/fake-data';
import { useLayoutStore } from '../../app/layout-store';
import { useMapStore } from '../map/store';
import { cardButtons } from './CardActions';
import { resolutionTargets } from './NoteDialogs';
import {
  assignDriver,
  closeDialog,
  confirmOrder,
  openDialog,
  openOrder,
  reportProblem,
  resetOrderCardStore,
  useOrderCardStore,
} from './store';

const NOW = Date.UTC(2026, 1, 10, 5, 0, 0);
let fake: FakeApi;

function setup(role: 'dispatcher' | 'warehouse' = 'dispatcher'): void {
  resetOrderCardStore();
  fake = createFakeApi(makeFakeWorld({ orders: 200, drivers: 30, now: NOW }), () => NOW, { role });
  installApi(fake.api);
}

const firstWith = (status: string) => {
  const o = fake.world.orders.find((x) => x.status === status);
  if (!o) throw new Error(`no ${status} order in the fake world`);
  return o;
};

describe('order card store', () => {
  beforeEach(() => setup());

  it('opens an order: loads it, shows the card panel, focuses the map on it', async () => {
    useLayoutStore.setState({ rightPanel: 'drivers', screen: 'settings' });
    const o = firstWith('new');
    await openOrder(o.id);
    const s = useOrderCardStore.getState();
    expect(s.detail?.order.number).toBe(o.number);
    expect(useLayoutStore.getState()).toMatchObject({ rightPanel: 'card', screen: 'console' });
    expect(useMapStore.getState().focus).toMatchObject({ lat: o.deliveryLat, lon: o.deliveryLon });
  });

  it('confirms, and the card shows the edit as pending', async () => {
    const o = firstWith('new');
    await openOrder(o.id);
    expect(cardButtons(useOrderCardStore.getState().detail!).map((b) => b.action)).toContain('confirm');
    expect(await confirmOrder()).toBe(true);
    const s = useOrderCardStore.getState();
    expect(s.detail?.order.status).toBe('confirmed');
    expect(s.detail?.pending).toBe(true);
    expect(s.commandError).toBeNull();
  });

  it('assigns with the version the dispatcher saw, after loading suggestions', async () => {
    const o = firstWith('confirmed');
    await openOrder(o.id);
    await openDialog('assign');
    const s = useOrderCardStore.getState();
    expect(s.dialog).toBe('assign');
    const best = s.suggestions?.suggestions[0];
    if (!best) throw new Error('no suggestion');
    const seen = s.detail?.order.version;
    expect(await assignDriver(best.driverId)).toBe(true);
    const call = fake.calls.find(([m]) => m === 'assignDriver');
    expect(call?.[1]).toEqual({ orderId: o.id, driverId: best.driverId, seenVersion: seen });
    expect(useOrderCardStore.getState().dialog).toBeNull();
    expect(useOrderCardStore.getState().detail?.order.driverId).toBe(best.driverId);
  });

  it('after assigning, brings the driver and the order into view together (issue 13)', async () => {
    const o = firstWith('confirmed');
    await openOrder(o.id);
    await openDialog('assign');
    const best = useOrderCardStore.getState().suggestions?.suggestions.find((x) => x.distanceKm !== null);
    if (!best) throw new Error('no located suggestion');
    const driver = fake.world.drivers.find((d) => d.id === best.driverId);
    useMapStore.setState({ focus: null });
    expect(await assignDriver(best.driverId)).toBe(true);
    const focus = useMapStore.getState().focus;
    expect(focus?.kind).toBe('bounds');
    if (focus?.kind !== 'bounds') return;
    expect(focus.points).toEqual(expect.arrayContaining([[driver?.lat, driver?.lon], [o.deliveryLat, o.deliveryLon], [o.pickupLat, o.pickupLon]]));
  });

  it('keeps the dialog open and shows why when main refuses a command', async () => {
    const o = firstWith('in_transit');
    await openOrder(o.id);
    await openDialog('problem');
    installApi({ ...fake.api, reportProblem: async () => ({ ok: false, code: 'forbidden', message: 'A warehouse user can’t report a problem now' }) });
    expect(await reportProblem('damaged', 'box crushed')).toBe(false);
    const s = useOrderCardStore.getState();
    expect(s.dialog).toBe('problem');
    expect(s.commandError).toBe('A warehouse user can’t report a problem now');
    closeDialog();
    expect(useOrderCardStore.getState().commandError).toBeNull();
  });

  it('reports a problem with a reason and comment', async () => {
    const o = firstWith('in_transit');
    await openOrder(o.id);
    await openDialog('problem');
    expect(await reportProblem('damaged', 'box crushed')).toBe(true);
    expect(useOrderCardStore.getState().detail?.order).toMatchObject({ status: 'problem', problemReason: 'damaged', problemComment: 'box crushed' });
  });

  it('shows a missing order as not found', async () => {
    await openOrder('ord-does-not-exist');
    expect(useOrderCardStore.getState()).toMatchObject({ detail: null, error: 'not_found' });
  });
});

describe('what the card offers by role', () => {
  it('offers a warehouse user no assign, confirm or cancel', async () => {
    setup('warehouse');
    const o = firstWith('confirmed');
    await openOrder(o.id);
    const actions = cardButtons(useOrderCardStore.getState().detail!).map((b) => b.action);
    expect(actions).not.toContain('assign');
    expect(actions).not.toContain('cancel');
    expect(actions).not.toContain('confirm');
    expect(actions).toContain('report_problem');
  });

  it('labels assign as reassign when a driver is set', async () => {
    setup();
    const o = fake.world.orders.find((x) => x.status === 'confirmed' && x.driverId !== null);
    if (!o) throw new Error('no assigned confirmed order');
    await openOrder(o.id);
    expect(cardButtons(useOrderCardStore.getState().detail!).find((b) => b.action === 'assign')?.label).toBe('action.reassign');
  });

  it('offers problem resolutions from the status machine for the user’s actor', () => {
    const order = { warehouseId: 'wh-1', statusBeforeProblem: 'in_transit' as const };
    expect(resolutionTargets(order, 'dispatcher')).toEqual(['at_warehouse', 'in_transit', 'delivered', 'cancelled']);
    expect(resolutionTargets(order, 'warehouse')).toEqual([]);
    expect(resolutionTargets(order, null)).toEqual([]);
  });
});
