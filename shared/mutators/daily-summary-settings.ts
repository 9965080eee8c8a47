// An admin turns the supervisors' daily summary by e-mail on or off, sets its send time on the
// company's clock ("HH:MM", the reports' day) and chooses who gets it: active supervisors and
// admins, each once. The server's scheduler (server/reports/daily-summary.ts) reads the row;
// refusals name the field (`recipientIds.2`), here and again on the server.
import { z } from 'zod';
import { minuteOfTime, timeOfDaySchema } from '../domain/time-of-day';
import { DAILY_SUMMARY_MAX_RECIPIENTS, DAILY_SUMMARY_SETTINGS_ID } from '../reports/daily-summary';
import { defineMutator } from './define-mutator';
import { reject } from './mutator-tx';

/** Who may receive it: the people who steer by the figures. */
export const DAILY_SUMMARY_ROLES = ['supervisor', 'admin'] as const;

export const setDailySummary = defineMutator({
  label: 'change the daily summary',
  actors: ['admin'],
  args: z
    .object({
      enabled: z.boolean(),
      /** "HH:MM" (00:00-23:59) on the company's clock. */
      sendTime: timeOfDaySchema,
      recipientIds: z.array(z.string().min(1).max(128)).max(DAILY_SUMMARY_MAX_RECIPIENTS),
    })
    .strict(),
  run(tx, args, ctx) {
    const seen = new Set<string>();
    args.recipientIds.forEach((id, i) => {
      const field = `recipientIds.${i}`;
      if (seen.has(id)) reject('bad_args', `${field}: ${JSON.stringify(id.slice(0, 60))} is listed twice`, { field });
      seen.add(id);
      const user = tx.get('users', id);
      if (user === undefined) reject('bad_args', `${field}: no user ${JSON.stringify(id.slice(0, 60))}`, { field });
      if (!user.active) reject('bad_args', `${field}: ${user.name} is no longer active`, { field });
      if (!(DAILY_SUMMARY_ROLES as readonly string[]).includes(user.role)) reject('bad_args', `${field}: ${user.name} is not a supervisor or an administrator`, { field });
    });
    if (args.enabled && args.recipientIds.length === 0) reject('bad_args', 'recipientIds: choose at least one person to send the summary to', { field: 'recipientIds' });
    const sendMinute = minuteOfTime(args.sendTime) as number; // the schema took only HH:MM
    const row = tx.get('daily_summary_settings', DAILY_SUMMARY_SETTINGS_ID);
    if (row !== undefined && row.enabled === args.enabled && row.sendMinute === sendMinute && JSON.stringify(row.recipientIds) === JSON.stringify(args.recipientIds)) return;
    tx.put('daily_summary_settings', { id: DAILY_SUMMARY_SETTINGS_ID, enabled: args.enabled, sendMinute, recipientIds: args.recipientIds, updatedBy: ctx.actor.id, updatedAt: ctx.now });
  },
});
