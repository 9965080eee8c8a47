// acknowledgeAlert: a person has seen an alert. Every desktop shows the same rows, so one
// acknowledgement clears it everywhere. Idempotent: acknowledging twice (two desktops at once,
// or a resend) keeps the first acknowledgement and changes nothing. The desk may acknowledge any
// alert; a logistician only the carrier follow-ups addressed to them (shared/alerts/alert-recipient.ts).
import { z } from 'zod';
import { defineMutator, DESK } from '../mutators/define-mutator';
import { reject } from '../mutators/mutator-tx';
import { mayAcknowledgeAlert } from './alert-recipient';

export const acknowledgeAlert = defineMutator({
  label: 'acknowledge alerts',
  // The warehouse only picks and reports; logisticians follow the carriers they handed orders to.
  actors: [...DESK, 'logistician'],
  args: z.object({ alertId: z.string().min(1).max(256) }),
  run(tx, args, ctx) {
    const alert = tx.get('alerts', args.alertId) ?? reject('not_found', `Alert ${args.alertId} does not exist`, { field: 'alertId', alertId: args.alertId });
    if (!mayAcknowledgeAlert(alert, ctx.actor)) {
      reject('forbidden', `Alert ${args.alertId} is not yours to acknowledge: only its own person or the desk can`, { field: 'alertId', alertId: args.alertId });
    }
    if (alert.acknowledgedAt !== null) return;
    tx.put('alerts', {
      ...alert,
      state: alert.state === 'resolved' ? 'resolved' : 'acknowledged',
      acknowledgedAt: ctx.at,
      acknowledgedBy: ctx.actor.id,
      acknowledgedByName: ctx.actor.name,
      updatedAt: ctx.now,
    });
  },
});
