// The console's side of drivers' phones: sign-in links and sign-outs and proof files go to
// the server over HTTP with the user's own token (server-http.ts; the server checks the role); proofs and
// rules are read from the replica; rules and delivery codes are mutations like any other.
import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import type { ApiHandlers } from '../../shared/api/contract';
import type { OrderProofView, ProofRuleView } from '../../shared/api/driver-phone-api';
import { PROOF_KINDS, type ProofKind } from '../../shared/delivery/proof-vocabulary';
import { SERVICE_TYPES, type ServiceType } from '../../shared/domain/vocabulary';
import type { SettingsStore } from '../settings/settings-store';
import type { ReadonlyReplica } from '../db/open-replica';
import { ApiFailure } from './api-failure';
import type { HandlerContext } from './handler-context';
import { serverCall, serverFile } from './server-http';

type Methods = 'issueDriverLink' | 'revokeDriverPhone' | 'orderProofs' | 'proofFile' | 'proofRules' | 'setProofRule' | 'issueDeliveryCode';

/** Proof photos are at most 3 MB on the server; anything bigger here is not ours. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

export function driverPhoneHandlers(ctx: HandlerContext, settings: SettingsStore, fetchFn: typeof fetch = fetch): Pick<ApiHandlers, Methods> {
  const call = serverCall(settings, fetchFn);
  const file = serverFile(settings, fetchFn);
  return {
    async issueDriverLink(a) {
      const link = (await call('POST', '/api/driver/links', { driverId: a.driverId })) as { url: string; expiresAt: number };
      const qrSvg = await QRCode.toString(link.url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return { url: link.url, expiresAt: link.expiresAt, qrSvg };
    },
    async revokeDriverPhone(a) {
      return (await call('POST', '/api/driver/revoke', { driverId: a.driverId })) as { revoked: number };
    },
    async proofFile(a) {
      const { type, bytes } = await file(`/api/driver/files/${encodeURIComponent(a.fileId)}`, MAX_FILE_BYTES);
      if (!/^image\/(jpeg|png|webp)$/.test(type)) throw new ApiFailure('internal', `Unexpected proof file type ${type.slice(0, 40)}`);
      return { dataUrl: `data:${type};base64,${bytes.toString('base64')}` };
    },
    orderProofs: (a) => orderProofs(ctx.replica, a.orderId),
    proofRules: () => proofRules(ctx.replica),
    setProofRule: (a) => ctx.mutate('setDeliveryProofRule', a),
    // A fresh 6-digit code, drawn here so the replica and the server store the same one.
    issueDeliveryCode: (a) => ctx.mutate('issueDeliveryCode', { orderId: a.orderId, code: String(randomInt(0, 1_000_000)).padStart(6, '0') }),
  };
}

function orderProofs(replica: ReadonlyReplica, orderId: string) {
  const order = replica.prepareRead('SELECT service_type AS s FROM orders WHERE id = ?').get(orderId) as { s: ServiceType } | undefined;
  if (order === undefined) throw new ApiFailure('not_found', `Order ${orderId} does not exist`);
  const rule = proofRules(replica).find((r) => r.serviceType === order.s);
  const proofs = replica
    .prepareRead('SELECT kind, file_id AS fileId, at, actor_name AS actorName FROM delivery_proofs WHERE order_id = ? ORDER BY at')
    .all(orderId) as OrderProofView[];
  const code = replica.prepareRead('SELECT code FROM delivery_codes WHERE id = ?').get(orderId) as { code: string } | undefined;
  const required: ProofKind[] = rule === undefined ? [] : PROOF_KINDS.filter((k) => rule[k]);
  return { required, proofs, code: code?.code ?? null };
}

function proofRules(replica: ReadonlyReplica): ProofRuleView[] {
  const rows = replica.prepareRead('SELECT id, photo, signature, code FROM delivery_proof_rules').all() as Array<{ id: ServiceType; photo: number; signature: number; code: number }>;
  return SERVICE_TYPES.map((s) => {
    const r = rows.find((x) => x.id === s);
    return { serviceType: s, photo: r?.photo === 1, signature: r?.signature === 1, code: r?.code === 1 };
  });
}
