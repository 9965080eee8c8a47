// Proof of delivery as the replica holds it: an order's proofs and delivery code, and which
// proofs each service type requires (the card's proof section, the proof rules screen).
import type { OrderProofsView, OrderProofView, ProofRuleView } from '../../../shared/api/driver-phone-api';
import { PROOF_KINDS, type ProofKind } from '../../../shared/delivery/proof-vocabulary';
import { SERVICE_TYPES, type ServiceType } from '../../../shared/domain/vocabulary';
import type { ReadonlyReplica } from '../open-replica';

/** An order's proofs, the kinds its service requires, and its delivery code; null when there is no such order. */
export function orderProofs(replica: ReadonlyReplica, orderId: string): OrderProofsView | null {
  const order = replica.prepareRead('SELECT service_type AS s FROM orders WHERE id = ?').get(orderId) as { s: ServiceType } | undefined;
  if (order === undefined) return null;
  const rule = proofRules(replica).find((r) => r.serviceType === order.s);
  const proofs = replica
    .prepareRead('SELECT kind, file_id AS fileId, at, actor_name AS actorName FROM delivery_proofs WHERE order_id = ? ORDER BY at')
    .all(orderId) as OrderProofView[];
  const code = replica.prepareRead('SELECT code FROM delivery_codes WHERE id = ?').get(orderId) as { code: string } | undefined;
  const required: ProofKind[] = rule === undefined ? [] : PROOF_KINDS.filter((k) => rule[k]);
  return { required, proofs, code: code?.code ?? null };
}

/** Which proofs each service type requires for "delivered" (none where no rule is stored). */
export function proofRules(replica: ReadonlyReplica): ProofRuleView[] {
  const rows = replica.prepareRead('SELECT id, photo, signature, code FROM delivery_proof_rules').all() as Array<{ id: ServiceType; photo: number; signature: number; code: number }>;
  return SERVICE_TYPES.map((s) => {
    const r = rows.find((x) => x.id === s);
    return { serviceType: s, photo: r?.photo === 1, signature: r?.signature === 1, code: r?.code === 1 };
  });
}
