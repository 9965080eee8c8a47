// MUTATORS: every named intent a client may push, and runMutator, the one way either side
// runs one: look up, check the actor, parse the args, run. The caller owns the transaction
// and must roll back the mutation's writes when the outcome is 'rejected'.
import type { z } from 'zod';
import { ACTOR_LABELS } from '../domain/status-labels';
import { acknowledgeAlert } from '../alerts/alert-mutators';
import { setCustomerVip, updateRegionCalendar, updateSlaPolicy } from '../alerts/sla-config-mutators';
import { summarize } from '../protocol/parse';
import { assignDriver, unassignDriver } from './assignment';
import {
  addCarrierLane,
  addCarrierOffer,
  addCarrierVehicle,
  createCarrier,
  editCarrier,
  editCarrierVehicle,
  importCarriers,
  recordCarrierDeal,
  removeCarrierLane,
  removeCarrierVehicle,
  setCarrierBlacklisted,
  setCarrierSecurityCheck,
} from './carriers';
import { addComment } from './comments';
import { sendTrackingLink, setCustomerMessagePrefs, setMessageServices, setMyNotifyPrefs, updateMessageRule, updateMessageSettings } from '../messages/message-mutators';
import { createOrder } from './create-order';
import { importOrders } from './import-orders';
import { handToCarrier, handToCourier, handToOwnFleet, recordCourierShipment } from './handover';
import { correctStatus, editOrder, recordPayment, setChecklistPolicy, undoCorrection } from './order-intake-mutators';
import type { MutatorDef } from './define-mutator';
import { addDeliveryProof, issueDeliveryCode, setDeliveryProofRule } from './delivery-proof';
import { setDriverShift } from './driver-shift';
import { setWarehouseShiftStartAlert } from './warehouse-settings';
import { setDailySummary } from './daily-summary-settings';
import { MutationRejection, type MutationOutcome, type MutatorContext, type MutatorTx } from './mutator-tx';
import {
  cancelOrder,
  confirmOrder,
  markPicked,
  reportProblem,
  resolveProblem,
  setStatus,
  setSubMark,
} from './order-status-mutators';

export const MUTATORS = {
  // SLA alerts and settings (issue 7).
  acknowledgeAlert,
  updateSlaPolicy,
  updateRegionCalendar,
  setCustomerVip,
  createOrder,
  confirmOrder,
  assignDriver,
  unassignDriver,
  markPicked,
  setStatus,
  setSubMark,
  reportProblem,
  resolveProblem,
  cancelOrder,
  addComment,
  setDriverShift,
  createCarrier,
  editCarrier,
  addCarrierVehicle,
  addCarrierLane,
  addCarrierOffer,
  recordCarrierDeal,
  setCarrierSecurityCheck,
  setCarrierBlacklisted,
  editCarrierVehicle,
  removeCarrierVehicle,
  removeCarrierLane,
  importCarriers,
  // Proof of delivery (issue 18).
  setDeliveryProofRule,
  issueDeliveryCode,
  addDeliveryProof,
  // Customer messages and tracking (issue 15).
  updateMessageRule,
  setMessageServices,
  updateMessageSettings,
  setCustomerMessagePrefs,
  setMyNotifyPrefs,
  sendTrackingLink,
  // Orders coming in (issue 14).
  editOrder,
  correctStatus,
  undoCorrection,
  recordPayment,
  setChecklistPolicy,
  importOrders,
  // Handing orders to carriers and courier services (issue 16).
  handToCarrier,
  handToCourier,
  handToOwnFleet,
  recordCourierShipment,
  // The "nobody started the day" check per warehouse (issue 18).
  setWarehouseShiftStartAlert,
  // The supervisors' daily summary by e-mail (issue 17).
  setDailySummary,
} as const;

export type Mutators = typeof MUTATORS;
export type MutatorName = keyof Mutators;
/** What a caller passes (before defaults): use it to type client-side calls. */
export type MutatorArgs<N extends MutatorName> = z.input<Mutators[N]['args']>;

export function isMutatorName(name: string): name is MutatorName {
  return Object.prototype.hasOwnProperty.call(MUTATORS, name);
}

/**
 * Runs mutation `name` with untrusted `args`. Business rejections (unknown name, actor not
 * allowed, bad args, rules) come back as 'rejected'; any other exception is a bug and is
 * rethrown, so the caller can roll back and decide (the server rejects it as 'internal').
 */
export function runMutator(tx: MutatorTx, name: string, args: unknown, ctx: MutatorContext): MutationOutcome {
  if (!isMutatorName(name)) {
    return rejected('unknown_mutator', `Unknown change "${name.slice(0, 64)}": this app version may be too new or too old`);
  }
  // One structural view of every mutator: args were parsed by its own schema just below.
  const def = MUTATORS[name] as unknown as MutatorDef<z.ZodType>;
  if (!def.actors.includes(ctx.actor.actor)) {
    return rejected('forbidden', `${ACTOR_LABELS[ctx.actor.actor]} can't ${def.label}`, { mutator: name });
  }
  const parsed = def.args.safeParse(args);
  if (!parsed.success) {
    // The first offending field by its path ("texts.ru", "quietStartMinute"), so a form can point at it.
    // Stryker disable next-line OptionalChaining,ArrayDeclaration: a failed zod parse has at least one issue; the fallback only satisfies the index's type
    const path = parsed.error.issues[0]?.path ?? [];
    return rejected('bad_args', `Invalid ${name}: ${summarize(parsed.error)}`, { mutator: name, ...(path.length > 0 ? { field: path.join('.') } : {}) });
  }
  try {
    def.run(tx, parsed.data, ctx);
    return { result: 'applied' };
  } catch (e) {
    if (e instanceof MutationRejection) return { result: 'rejected', error: e.toBody() };
    throw e;
  }
}

function rejected(code: string, message: string, details?: Record<string, unknown>): MutationOutcome {
  return { result: 'rejected', error: details === undefined ? { code, message } : { code, message, details } };
}
