// acknowledgeAlert: a person at the desk has seen an alert. Every desktop shows the same rows,
// so one acknowledgement clears it everywhere. Idempotent: acknowledging twice (two desktops
// at once, or a resend) keeps the first acknowledgement and changes nothing.
import { z } from 'zod';
import { defineMutator, DESK } from '../mutators/define-mutator';
import { reject } from '../mutators/mutator-tx';

export const acknowledgeAlert = defineMutator({
  label: 'acknowledge alerts',
  // Desk people handle alerts; the warehouse only picks and reports, logisticians search carriers.
  actors: DESK,
  args: z.object({ alertId: z.string().min(1).max(256) }),
  run(tx, args, ctx) {
    const alert = tx.get('alerts', args.alertId) ?? reject('not_found', `Alert ${args.alertId} does not exist`, { field: 'alertId', alertId: args.alertId });
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
