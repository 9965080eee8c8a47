// Admin-only edits of the SLA rules: a policy (norm, thresholds, time basis, breach actions),
// a region's working calendar (days, hours, holidays) and a customer's VIP contract. The
// server then recomputes the deadlines of open orders (server/alerts/recompute-deadlines.ts):
// a mutator sees single rows only, and both sides must run the same code.
import { z } from 'zod';
import { minutesProblems, slaPolicyProblems, slaProblemsText } from '../domain/sla-limits';
import { DEFAULT_SLA_POLICIES, slaPolicySchema } from '../domain/sla-policy';
import { calendarProblems, type WorkingCalendar } from '../domain/working-calendar';
import { defineMutator } from '../mutators/define-mutator';
import { reject } from '../mutators/mutator-tx';
import { rowOfPolicy } from './sla-policy-rows';

const ADMIN = ['admin'] as const;
const id = z.string().min(1).max(128);

export const updateSlaPolicy = defineMutator({
  label: 'edit SLA policies',
  actors: ADMIN,
  args: z.object({ policy: slaPolicySchema }),
  run(tx, args, ctx) {
    // The editor checks the same ranges first; this refusal is for every other client.
    const problems = slaPolicyProblems(args.policy);
    if (problems.length > 0) reject('bad_args', `Invalid ${args.policy.key} SLA policy: ${slaProblemsText(problems)}`, { problems });
    // A client that does not know the carrier-call interval leaves it out: it keeps its value.
    const stored = tx.get('sla_policies', args.policy.key);
    const carrierCallMinutes =
      args.policy.carrierCallMinutes !== undefined
        ? args.policy.carrierCallMinutes
        : stored !== undefined
          ? stored.carrierCallMinutes
          : (DEFAULT_SLA_POLICIES[args.policy.key].carrierCallMinutes ?? null);
    tx.put('sla_policies', rowOfPolicy({ ...args.policy, carrierCallMinutes }, ctx.now, ctx.actor.id));
  },
});

/** Fields left out keep their stored value; `holidays` replaces the whole list. */
export const updateRegionCalendar = defineMutator({
  label: 'edit working calendars',
  actors: ADMIN,
  args: z.object({
    regionId: id,
    utcOffsetMinutes: z.number().int().optional(),
    workingDays: z.array(z.number().int()).max(7).optional(),
    workStartMinute: z.number().int().optional(),
    workEndMinute: z.number().int().optional(),
    holidays: z.array(z.string()).max(1000).optional(),
  }),
  run(tx, args, ctx) {
    const region = tx.get('regions', args.regionId) ?? reject('not_found', `Region ${args.regionId} does not exist`, { field: 'regionId', regionId: args.regionId });
    const next: WorkingCalendar = {
      utcOffsetMinutes: args.utcOffsetMinutes ?? region.utcOffsetMinutes,
      workingDays: [...new Set(args.workingDays ?? region.workingDays)].sort((a, b) => a - b),
      workStartMinute: args.workStartMinute ?? region.workStartMinute,
      workEndMinute: args.workEndMinute ?? region.workEndMinute,
      holidays: [...new Set(args.holidays ?? region.holidays)].sort(),
    };
    // The full check (real dates, start before end) runs here so a bad calendar never lands.
    const problems = calendarProblems(next);
    if (problems.length > 0) reject('bad_args', `Invalid calendar for ${region.name}: ${problems.join('; ')}`, { problems });
    tx.put('regions', {
      ...region,
      utcOffsetMinutes: next.utcOffsetMinutes,
      workingDays: [...next.workingDays],
      workStartMinute: next.workStartMinute,
      workEndMinute: next.workEndMinute,
      holidays: [...next.holidays],
      updatedAt: ctx.now,
    });
  },
});

/** A VIP contract norm in minutes (null = an ordinary customer). */
export const setCustomerVip = defineMutator({
  label: 'edit VIP contracts',
  actors: ADMIN,
  args: z.object({ customerId: id, vipNormMinutes: z.number().int().min(1).max(365 * 24 * 60).nullable() }),
  run(tx, args, ctx) {
    const problems = args.vipNormMinutes === null ? [] : minutesProblems('vipNormMinutes', args.vipNormMinutes);
    if (problems.length > 0) reject('bad_args', `Invalid VIP contract: ${slaProblemsText(problems)}`, { problems });
    const customer = tx.get('customers', args.customerId) ?? reject('not_found', `Customer ${args.customerId} does not exist`, { field: 'customerId', customerId: args.customerId });
    if (customer.vipNormMinutes === args.vipNormMinutes) return;
    tx.put('customers', { ...customer, vipNormMinutes: args.vipNormMinutes, updatedAt: ctx.now });
  },
});
