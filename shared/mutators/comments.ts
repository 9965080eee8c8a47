// Comments on an order's timeline. Commutative by construction: a comment is its own row and
// leaves the order (and its version) alone, so it never conflicts with an assignment or edit.
import { z } from 'zod';
import type { Actor } from '../domain/vocabulary';
import { defineMutator, DESK, MACHINES } from './define-mutator';
import { loadOrder, writeEvent } from './order-writes';

const COMMENTERS: readonly Actor[] = [...DESK, 'logistician', 'driver', 'courier', ...MACHINES];

export const addComment = defineMutator({
  label: 'comment on orders',
  actors: COMMENTERS,
  args: z.object({ orderId: z.string().min(1).max(128), text: z.string().trim().min(1).max(4000) }),
  run(tx, args, ctx) {
    const order = loadOrder(tx, args.orderId);
    writeEvent(tx, ctx, order.id, { kind: 'comment', comment: args.text });
  },
});
