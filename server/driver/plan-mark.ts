// A one-tap mark from the phone -> the server mutations it stands for, in order. Pure.
// Every mark goes through the same mutators and role rules as the console's (actor driver),
// recorded with source "driver"; "delivered" first records the proofs it came with, so the
// proof rule inside setStatus sees them in the same transaction.
import type { MarkRequest } from '../../shared/driver-phone/driver-wire';
import type { MutatorArgs, MutatorName } from '../../shared/mutators/registry';

export interface PlannedMutation<N extends MutatorName = MutatorName> {
  name: N;
  args: MutatorArgs<N>;
}

export function planMark(mark: MarkRequest): PlannedMutation[] {
  const orderId = mark.orderId;
  const comment = mark.comment?.trim() === '' ? undefined : mark.comment;
  switch (mark.mark) {
    case 'picked_up':
      return [{ name: 'setStatus', args: { orderId, to: 'in_transit', subMark: 'left_warehouse', source: 'driver', comment } }];
    case 'arrived':
      return [{ name: 'setSubMark', args: { orderId, subMark: 'arrived', source: 'driver', comment } }];
    case 'problem':
      return [{ name: 'reportProblem', args: { orderId, reason: mark.reason ?? 'other', source: 'driver', comment } }];
    case 'delivered': {
      const steps: PlannedMutation[] = [];
      if (mark.photoFileId !== undefined) steps.push({ name: 'addDeliveryProof', args: { orderId, kind: 'photo', fileId: mark.photoFileId } });
      if (mark.signatureFileId !== undefined) steps.push({ name: 'addDeliveryProof', args: { orderId, kind: 'signature', fileId: mark.signatureFileId } });
      if (mark.code !== undefined) steps.push({ name: 'addDeliveryProof', args: { orderId, kind: 'code', code: mark.code } });
      steps.push({ name: 'setStatus', args: { orderId, to: 'delivered', source: 'driver', comment } });
      return steps;
    }
  }
}
