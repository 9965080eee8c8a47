// A tiny fixed world for mutator tests: one region, one warehouse, two drivers, a user of each
// role, and helpers to run a mutator the way both sides do (rejected -> rolled back).
import type { UserRole } from '../domain/vocabulary';
import type { OrderRow } from '../schema';
import { FakeMutatorTx } from './fake-mutator-tx';
import { mutationIdFactory, type MutationActor, type MutationOutcome, type MutatorTx } from '../mutators/mutator-tx';
import { runMutator } from '../mutators/registry';
import { createOrderArgs } from '../mutators/create-order';
import type { z } from 'zod';

export const T0 = Date.UTC(2025, 2, 3, 6, 0); // Monday 11:00 in Astana

export function fakeWorld(): FakeMutatorTx {
  const tx = new FakeMutatorTx();
  putWorld(tx);
  return tx;
}

/** Writes the fixed world through any MutatorTx (the server's tests seed with it too). */
export function putWorld(tx: MutatorTx): void {
  tx.put('regions', {
    id: 'astana',
    name: 'Astana',
    utcOffsetMinutes: 300,
    workingDays: [1, 2, 3, 4, 5],
    workStartMinute: 9 * 60,
    workEndMinute: 18 * 60,
    holidays: [],
    updatedAt: T0,
  });
  tx.put('warehouses', { id: 'w1', name: 'Astana North', city: 'Astana', address: 'Pobedy 1', lat: 51.18, lon: 71.44, regionId: 'astana', shiftStartAlertMinute: null, updatedAt: T0 });
  tx.put('warehouses', { id: 'w2', name: 'Astana South', city: 'Astana', address: 'Turan 2', lat: 51.1, lon: 71.41, regionId: 'astana', shiftStartAlertMinute: null, updatedAt: T0 });
  for (const [id, name] of [
    ['d1', 'Driver Arman'],
    ['d2', 'Driver Bolat'],
  ] as const) {
    tx.put('drivers', {
      id,
      name,
      phone: '',
      vehicle: 'Gazelle',
      vehiclePlate: '',
      capacityKg: 1500,
      homeWarehouseId: 'w1',
      shiftState: 'on_shift',
      shiftChangedAt: T0,
      lat: null,
      lon: null,
      headingDeg: null,
      speedKmh: null,
      accuracyM: null,
      battery: null,
      charging: null,
      fixAt: null,
      updatedAt: T0,
      version: 1,
    });
  }
  for (const role of ['dispatcher', 'logistician', 'warehouse', 'supervisor', 'admin'] as const) {
    tx.put('users', { id: `u-${role}`, name: userName(role), role, warehouseId: role === 'warehouse' ? 'w1' : null, active: true, updatedAt: T0 });
  }
  tx.put('users', { id: 'u-shop', name: 'Shop Alem', role: 'integration', warehouseId: null, active: true, updatedAt: T0 });
  tx.put('users', { id: 'u-shop2', name: 'Shop Mechta', role: 'integration', warehouseId: null, active: true, updatedAt: T0 });
  tx.put('users', { id: 'u-dispatcher2', name: 'Dispatcher Yerlan', role: 'dispatcher', warehouseId: null, active: true, updatedAt: T0 });
}

function userName(role: UserRole): string {
  return { dispatcher: 'Dispatcher Aigerim', logistician: 'Logistician Dana', warehouse: 'Storekeeper Nurlan', supervisor: 'Supervisor Gulnara', admin: 'Admin Timur', integration: 'Shop Alem' }[role];
}

export function userActor(tx: FakeMutatorTx, userId: string): MutationActor {
  const user = tx.get('users', userId);
  if (user === undefined) throw new Error(`no user ${userId}`);
  return { id: user.id, name: user.name, actor: user.role, role: user.role };
}

/** Runs like a server would: in a "savepoint", rolled back when rejected. */
export function run(tx: FakeMutatorTx, actor: MutationActor | string, name: string, args: unknown, at = T0): MutationOutcome {
  const who = typeof actor === 'string' ? userActor(tx, actor) : actor;
  const before = tx.snapshot();
  const outcome = runMutator(tx, name, args, { actor: who, at, now: at, newId: mutationIdFactory('test', ++tx.lastMid) });
  if (outcome.result === 'rejected') tx.restore(before);
  return outcome;
}

export function order(tx: FakeMutatorTx, number: string): OrderRow {
  const o = tx.findOrderByNumber(number);
  if (o === undefined) throw new Error(`no order ${number}`);
  return o;
}

/** A valid createOrder args object (plain numbers and strings, so callers may vary them). */
export const ORDER_ARGS = {
  customerName: 'ТОО Ромашка',
  customerPhone: '+7 701 111 22 33',
  pickupAddress: 'Astana North warehouse',
  pickupLat: 51.18,
  pickupLon: 71.44,
  deliveryAddress: 'Kenesary 40',
  deliveryCity: 'Astana',
  deliveryLat: 51.16,
  deliveryLon: 71.43,
  warehouseId: 'w1',
  regionId: 'astana',
  serviceType: 'express' as const,
} satisfies z.input<typeof createOrderArgs>;

/** Creates order `number` and walks it to `status` by the happy path. */
export function orderAt(tx: FakeMutatorTx, number: string, status: 'new' | 'confirmed' | 'at_warehouse' | 'in_transit'): OrderRow {
  expectApplied(run(tx, 'u-dispatcher', 'createOrder', { ...ORDER_ARGS, number }));
  const id = order(tx, number).id;
  if (status !== 'new') expectApplied(run(tx, 'u-dispatcher', 'confirmOrder', { orderId: id }));
  if (status === 'at_warehouse' || status === 'in_transit') expectApplied(run(tx, 'u-warehouse', 'markPicked', { orderId: id, source: 'scan' }));
  if (status === 'in_transit') expectApplied(run(tx, 'u-dispatcher', 'setStatus', { orderId: id, to: 'in_transit' }));
  return order(tx, number);
}

function expectApplied(o: MutationOutcome): void {
  if (o.result !== 'applied') throw new Error(`expected applied, got ${JSON.stringify(o)}`);
}
