// Proof of delivery (issue 18): an admin sets per service type which proofs "delivered"
// needs; a dispatcher issues the code the customer is told; the driver's phone records a
// photo, a signature (both files on the server, by id) or the code. The check itself,
// missingProofs, runs inside setStatus for every driver's "delivered", on both sides.
import { z } from 'zod';
import { isOpenStatus } from '../domain/order-status';
import { SERVICE_TYPES } from '../domain/vocabulary';
import { DELIVERY_CODE_PATTERN, PROOF_KINDS, proofRowId, type ProofKind } from '../delivery/proof-vocabulary';
import type { OrderRow } from '../schema';
import { defineMutator, DESK, MACHINES } from './define-mutator';
import { reject, type MutatorTx } from './mutator-tx';
import { loadOrder } from './order-writes';

const id = z.string().min(1).max(128);
const code = z.string().trim().regex(DELIVERY_CODE_PATTERN, 'a delivery code is 4 to 8 digits');

export const setDeliveryProofRule = defineMutator({
  label: 'edit proof-of-delivery rules',
  actors: ['admin'],
  args: z.object({ serviceType: z.enum(SERVICE_TYPES), photo: z.boolean(), signature: z.boolean(), code: z.boolean() }).strict(),
  run(tx, args, ctx) {
    tx.put('delivery_proof_rules', {
      id: args.serviceType,
      photo: args.photo,
      signature: args.signature,
      code: args.code,
      updatedBy: ctx.actor.id,
      updatedAt: ctx.now,
    });
  },
});

/** The code travels with the request (the console draws it), so both sides store the same one. */
export const issueDeliveryCode = defineMutator({
  label: 'issue delivery codes',
  actors: [...DESK, ...MACHINES],
  args: z.object({ orderId: id, code }).strict(),
  run(tx, args, ctx) {
    const order = loadOrder(tx, args.orderId);
    if (!isOpenStatus(order.status)) {
      reject('bad_state', `Order ${order.number} is finished; it needs no delivery code`, { orderId: order.id, status: order.status });
    }
    tx.put('delivery_codes', { id: order.id, code: args.code, issuedAt: ctx.at, issuedBy: ctx.actor.id, updatedAt: ctx.now });
  },
});

/** A driver's proof for one of their orders; the phone's server route checks whose order it is. */
export const addDeliveryProof = defineMutator({
  label: 'record proof of delivery',
  actors: ['driver', ...DESK, ...MACHINES],
  args: z.discriminatedUnion('kind', [
    z.object({ orderId: id, kind: z.literal('photo'), fileId: id }).strict(),
    z.object({ orderId: id, kind: z.literal('signature'), fileId: id }).strict(),
    z.object({ orderId: id, kind: z.literal('code'), code }).strict(),
  ]),
  run(tx, args, ctx) {
    const order = loadOrder(tx, args.orderId);
    if (order.status !== 'in_transit' && order.status !== 'at_warehouse' && order.status !== 'confirmed') {
      reject('bad_state', `Order ${order.number} is not on its way; there is nothing to prove`, { orderId: order.id, status: order.status });
    }
    if (args.kind === 'code') {
      const issued = tx.get('delivery_codes', order.id);
      if (issued === undefined) reject('no_code', `No delivery code was issued for order ${order.number}`, { orderId: order.id });
      if (issued.code !== args.code) reject('code_mismatch', `The code does not match order ${order.number}'s delivery code`, { orderId: order.id });
    }
    tx.put('delivery_proofs', {
      id: proofRowId(order.id, args.kind),
      orderId: order.id,
      kind: args.kind,
      fileId: args.kind === 'code' ? null : args.fileId,
      at: ctx.at,
      driverId: order.driverId,
      actorName: ctx.actor.name,
      updatedAt: ctx.now,
    });
  },
});

/** The proofs this order still lacks for "delivered" under its service type's rule. */
export function missingProofs(tx: MutatorTx, order: OrderRow): ProofKind[] {
  const rule = tx.get('delivery_proof_rules', order.serviceType);
  if (rule === undefined) return [];
  return PROOF_KINDS.filter((k) => rule[k] && tx.get('delivery_proofs', proofRowId(order.id, k)) === undefined);
}

const PROOF_WORDS: Record<ProofKind, string> = { photo: 'a photo', signature: "the recipient's signature", code: "the customer's code" };

/** Refuses a driver's "delivered" without the proofs the rule asks for (code proof_required). */
export function requireProofs(tx: MutatorTx, order: OrderRow): void {
  const missing = missingProofs(tx, order);
  if (missing.length === 0) return;
  reject('proof_required', `Order ${order.number} can't be marked delivered without ${missing.map((k) => PROOF_WORDS[k]).join(' and ')}`, {
    orderId: order.id,
    missing,
  });
}
