// The fixed world's orders walked on a real test server, as its people do it: a named mutation
// run as a world user (a rejection throws with the server's answer, so a test never goes on from
// a step that did not happen), an order found by its number, and a new order brought to a status
// (created and confirmed by the dispatcher, assigned, picked at the warehouse, sent on its way).
// For server tests only; the server and the clock are read at each call (tests restart both).
import { ORDER_ARGS } from '../../shared/testing/fake-world';
import type { MutationActor } from '../../shared/mutators/mutator-tx';
import type { OrderRow } from '../../shared/schema';
import type { MarshrutServer } from '../server';

export interface WorldOrders {
  runAs(userId: string, name: string, args: unknown): void;
  order(number: string): OrderRow;
  /** A new world order `number` (ORDER_ARGS with `extra`), walked to `status`, assigned to `driverId` if given. */
  orderAt(number: string, status: 'confirmed' | 'at_warehouse' | 'in_transit', opts?: { driverId?: string; extra?: Record<string, unknown> }): OrderRow;
}

export function worldOrders(server: () => MarshrutServer, clock: () => number): WorldOrders {
  function runAs(userId: string, name: string, args: unknown): void {
    const user = server().engine.newTx().get('users', userId);
    if (user === undefined) throw new Error(`no user ${userId}`);
    const actor: MutationActor = { id: user.id, name: user.name, actor: user.role, role: user.role };
    const r = server().runMutation(name, args, actor, clock());
    if (r.result !== 'applied') throw new Error(`${name} rejected: ${JSON.stringify(r)}`);
  }
  function order(number: string): OrderRow {
    const o = server().engine.newTx().findOrderByNumber(number);
    if (o === undefined) throw new Error(`no order ${number}`);
    return o;
  }
  function orderAt(number: string, status: 'confirmed' | 'at_warehouse' | 'in_transit', opts: { driverId?: string; extra?: Record<string, unknown> } = {}): OrderRow {
    runAs('u-dispatcher', 'createOrder', { ...ORDER_ARGS, number, ...opts.extra });
    const id = order(number).id;
    runAs('u-dispatcher', 'confirmOrder', { orderId: id });
    if (opts.driverId !== undefined) runAs('u-dispatcher', 'assignDriver', { orderId: id, driverId: opts.driverId, seenVersion: order(number).version });
    if (status !== 'confirmed') runAs('u-warehouse', 'markPicked', { orderId: id, source: 'scan' });
    if (status === 'in_transit') runAs('u-dispatcher', 'setStatus', { orderId: id, to: 'in_transit' });
    return order(number);
  }
  return { runAs, order, orderAt };
}
