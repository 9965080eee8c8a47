// SLA policies: the promise per service type, as data. Admins will edit them, so the engine
// takes them as an argument and never reads DEFAULT_SLA_POLICIES itself.
//
// Time bases (how a norm's minutes are counted from confirmation):
// - working_hours: only working hours of working days count (express: "4 h" confirmed at
//   17:30 on Friday is due Monday 12:30).
// - working_days: the clock runs around the clock, but weekends and holidays don't count.
//   This is the default for standard: its "24 h" means "by this time the next working day";
//   counted in working hours it would stretch to almost three working days.
// - calendar: every minute counts (intercity: trucks drive through weekends).
// VIP orders use the contract's norm with the base service type's time basis.
import { z } from 'zod';
import type { ServiceType } from './vocabulary';
import { SERVICE_TYPES } from './vocabulary';

export const SLA_TIME_BASES = ['working_hours', 'working_days', 'calendar'] as const;
export type SlaTimeBasis = (typeof SLA_TIME_BASES)[number];

export const SLA_POLICY_KEYS = [...SERVICE_TYPES, 'vip'] as const;
export type SlaPolicyKey = (typeof SLA_POLICY_KEYS)[number];

/** What happens on breach (the brief's "escalation" column); the server's escalation runner acts on these. */
export const SLA_BREACH_ACTIONS = ['notify_manager', 'email_manager', 'call_customer', 'notify_customer', 'sms_director'] as const;
export type SlaBreachAction = (typeof SLA_BREACH_ACTIONS)[number];

export interface SlaPolicy {
  key: SlaPolicyKey;
  /** Norm from confirmation; null for vip, whose norm comes from the contract. */
  normMinutes: number | null;
  /** First warning, to the responsible person. */
  warnBeforeMinutes: number;
  /** Second warning, to their supervisor. */
  supervisorWarnBeforeMinutes: number;
  /** 'inherit' (vip only): use the order's service type's basis. */
  timeBasis: SlaTimeBasis | 'inherit';
  breachActions: readonly SlaBreachAction[];
  /**
   * While a carrier's order is in transit, call the carrier every this many minutes (seed 004:
   * "раз в определенный период времени ... прозвон перевозчика"), counted in the policy's time
   * basis like the deadline; null = no calls. Read from the order's service type's policy (a
   * VIP order too); the vip policy's own value is not used. Left out: the stored or default value.
   */
  carrierCallMinutes?: number | null;
}

export type SlaPolicies = Readonly<Record<SlaPolicyKey, SlaPolicy>>;

export const DEFAULT_SLA_POLICIES: SlaPolicies = {
  express: {
    key: 'express',
    normMinutes: 4 * 60,
    warnBeforeMinutes: 60,
    supervisorWarnBeforeMinutes: 30,
    timeBasis: 'working_hours',
    breachActions: ['notify_manager', 'call_customer'],
    carrierCallMinutes: 60,
  },
  standard: {
    key: 'standard',
    normMinutes: 24 * 60,
    warnBeforeMinutes: 2 * 60,
    supervisorWarnBeforeMinutes: 30,
    timeBasis: 'working_days',
    breachActions: ['email_manager'],
    carrierCallMinutes: 2 * 60,
  },
  intercity: {
    key: 'intercity',
    normMinutes: 72 * 60,
    warnBeforeMinutes: 6 * 60,
    supervisorWarnBeforeMinutes: 30,
    timeBasis: 'calendar',
    breachActions: ['notify_customer'],
    carrierCallMinutes: 4 * 60,
  },
  vip: {
    key: 'vip',
    normMinutes: null,
    warnBeforeMinutes: 2 * 60,
    supervisorWarnBeforeMinutes: 30,
    timeBasis: 'inherit',
    breachActions: ['sms_director', 'call_customer'],
    carrierCallMinutes: null,
  },
};

const minutes = z.number().int().min(0).max(365 * 24 * 60);

export const slaPolicySchema = z
  .object({
    key: z.enum(SLA_POLICY_KEYS),
    normMinutes: minutes.min(1).nullable(),
    warnBeforeMinutes: minutes,
    supervisorWarnBeforeMinutes: minutes,
    timeBasis: z.enum([...SLA_TIME_BASES, 'inherit']),
    breachActions: z.array(z.enum(SLA_BREACH_ACTIONS)),
    carrierCallMinutes: minutes.nullable().optional(),
  })
  .refine((p) => p.key === 'vip' || p.timeBasis !== 'inherit', { message: 'only the vip policy may inherit its time basis' })
  .refine((p) => p.key === 'vip' || p.normMinutes !== null, { message: 'a service type policy needs a norm' });

export const slaPoliciesSchema = z.object({
  express: slaPolicySchema,
  standard: slaPolicySchema,
  intercity: slaPolicySchema,
  vip: slaPolicySchema,
});

/** A policy made concrete for one order: a number for the norm and a real time basis. */
export interface ResolvedSlaPolicy {
  key: SlaPolicyKey;
  serviceType: ServiceType;
  normMinutes: number;
  warnBeforeMinutes: number;
  supervisorWarnBeforeMinutes: number;
  timeBasis: SlaTimeBasis;
  breachActions: readonly SlaBreachAction[];
}

export interface SlaPolicyInput {
  serviceType: ServiceType;
  /** The order's VIP contract norm; wins over the customer's. */
  vipNormMinutes?: number | null;
  /** The customer's VIP norm, for orders that didn't copy it. */
  customerVipNormMinutes?: number | null;
}

function positive(n: number | null | undefined): n is number {
  const given = n ?? Number.NaN; // none: not finite, so not positive
  return Number.isFinite(given) && given > 0;
}

/** The policy that applies to an order. Throws RangeError on a broken policy (configuration error). */
export function resolveSlaPolicy(order: SlaPolicyInput, policies: SlaPolicies): ResolvedSlaPolicy {
  const base = policies[order.serviceType];
  if (!base) throw new RangeError(`No SLA policy for service type "${String(order.serviceType)}"`);
  if (!positive(base.normMinutes) || base.timeBasis === 'inherit') {
    throw new RangeError(`The SLA policy for "${order.serviceType}" needs a positive norm and its own time basis`);
  }
  const vipNorm = positive(order.vipNormMinutes) ? order.vipNormMinutes : positive(order.customerVipNormMinutes) ? order.customerVipNormMinutes : null;
  if (vipNorm === null) {
    return {
      key: order.serviceType,
      serviceType: order.serviceType,
      normMinutes: base.normMinutes,
      warnBeforeMinutes: base.warnBeforeMinutes,
      supervisorWarnBeforeMinutes: base.supervisorWarnBeforeMinutes,
      timeBasis: base.timeBasis,
      breachActions: base.breachActions,
    };
  }
  const vip = policies.vip;
  return {
    key: 'vip',
    serviceType: order.serviceType,
    normMinutes: vipNorm,
    warnBeforeMinutes: vip.warnBeforeMinutes,
    supervisorWarnBeforeMinutes: vip.supervisorWarnBeforeMinutes,
    timeBasis: vip.timeBasis === 'inherit' ? base.timeBasis : vip.timeBasis,
    breachActions: vip.breachActions,
  };
}
