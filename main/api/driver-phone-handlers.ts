// The console's side of drivers' phones: sign-in links and sign-outs and proof files go to
// the server over HTTP with the user's own token (server-http.ts; the server checks the role),
// and their answers are checked against the shared contract before anything reads them; proofs
// and rules are read from the replica (db/queries/delivery-proofs.ts); rules and delivery codes
// are mutations like any other.
import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import type { ApiHandlers } from '../../shared/api/contract';
import { driverLinkAnswer, revokeDriverPhoneAnswer } from '../../shared/api/driver-phone-api';
import type { SettingsStore } from '../settings/settings-store';
import { orderProofs, proofRules } from '../db/queries/delivery-proofs';
import { ApiFailure } from './api-failure';
import type { HandlerContext } from './handler-context';
import { checkedServerCall, serverFile } from './server-http';

type Methods = 'issueDriverLink' | 'revokeDriverPhone' | 'orderProofs' | 'proofFile' | 'proofRules' | 'setProofRule' | 'issueDeliveryCode';

/** Proof photos are at most 3 MB on the server; anything bigger here is not ours. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

export function driverPhoneHandlers(ctx: HandlerContext, settings: SettingsStore, fetchFn: typeof fetch = fetch): Pick<ApiHandlers, Methods> {
  const call = checkedServerCall(settings, fetchFn);
  const file = serverFile(settings, fetchFn);
  return {
    async issueDriverLink(a) {
      const link = await call(driverLinkAnswer, 'POST', '/api/driver/links', { driverId: a.driverId });
      const qrSvg = await QRCode.toString(link.url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return { url: link.url, expiresAt: link.expiresAt, qrSvg };
    },
    async revokeDriverPhone(a) {
      return call(revokeDriverPhoneAnswer, 'POST', '/api/driver/revoke', { driverId: a.driverId });
    },
    async proofFile(a) {
      const { type, bytes } = await file(`/api/driver/files/${encodeURIComponent(a.fileId)}`, MAX_FILE_BYTES);
      if (!/^image\/(jpeg|png|webp)$/.test(type)) throw new ApiFailure('internal', `Unexpected proof file type ${type.slice(0, 40)}`);
      return { dataUrl: `data:${type};base64,${bytes.toString('base64')}` };
    },
    orderProofs: (a) => {
      const view = orderProofs(ctx.replica, a.orderId);
      if (view === null) throw new ApiFailure('not_found', `Order ${a.orderId} does not exist`);
      return view;
    },
    proofRules: () => proofRules(ctx.replica),
    setProofRule: (a) => ctx.mutate('setDeliveryProofRule', a),
    // A fresh 6-digit code, drawn here so the replica and the server store the same one.
    issueDeliveryCode: (a) => ctx.mutate('issueDeliveryCode', { orderId: a.orderId, code: String(randomInt(0, 1_000_000)).padStart(6, '0') }),
  };
}
