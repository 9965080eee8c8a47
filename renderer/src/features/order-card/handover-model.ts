// The hand-over dialogs' forms (issue 16) turned into command arguments: the deal with a chosen
// carrier (rate, loading time in the region's clock, contact, vehicle, reasons) and the courier
// hand-over. What is wrong comes back as field names the dialog words; the mutators check the
// same again (shared/mutators/handover.ts).
import { MAX_LOADING_AHEAD_MS } from '../../../../shared/mutators/handover';
import type { CarrierSearchResult } from '../../../../shared/api/carriers-api';
import type { ApiRequest } from '../../../../shared/api/contract';
import { SECURITY_OVERRIDE_ROLES } from '../../../../shared/domain/carried-by';
export { handoverNeedsReason } from '../../../../shared/domain/carried-by';
import type { Actor } from '../../../../shared/domain/vocabulary';
import { parseAmount, windowInstants } from '../../ui/form-input';

export interface DealDraft {
  vehicleId: string;
  rate: string;
  /** yyyy-mm-dd and minutes after midnight, in the order region's clock. */
  loadingDay: string;
  loadingMinute: number;
  contact: string;
  reason: string;
  overrideReason: string;
}

export type DealField = 'rate' | 'loading' | 'contact' | 'reason' | 'overrideReason' | 'carrier';

/** A fresh draft for a chosen carrier: its first matching vehicle, its contact, loading in two hours. */
export function dealDraft(c: CarrierSearchResult, now: number, offsetMinutes: number): DealDraft {
  const at = new Date(Math.ceil((now + 2 * 3_600_000 + offsetMinutes * 60_000) / 3_600_000) * 3_600_000);
  return {
    vehicleId: c.vehicles[0]?.id ?? '',
    rate: c.lastRate ? String(c.lastRate.rate) : '',
    loadingDay: at.toISOString().slice(0, 10),
    loadingMinute: at.getUTCHours() * 60,
    contact: [c.contactPerson, c.phone].filter((s) => s !== '').join(' '),
    reason: '',
    overrideReason: '',
  };
}

/** Whether this role may choose a carrier whose security check has not passed (with a reason). */
export function mayOverrideSecurity(actor: Actor | null): boolean {
  return actor !== null && (SECURITY_OVERRIDE_ROLES as readonly string[]).includes(actor);
}

export type CarrierDeal = Omit<ApiRequest<'handToCarrier'>, 'orderId'>;

export function buildDeal(
  c: CarrierSearchResult,
  d: DealDraft,
  o: { offsetMinutes: number; actor: Actor | null; reasonRequired: boolean; now: number },
): { deal: CarrierDeal; problems: [] } | { deal: null; problems: DealField[] } {
  const problems: DealField[] = [];
  if (c.blacklisted || (c.securityCheck !== 'passed' && !mayOverrideSecurity(o.actor))) problems.push('carrier');
  const rate = parseAmount(d.rate);
  if (rate === undefined || !Number.isFinite(rate) || rate <= 0 || rate > 1e10) problems.push('rate');
  const loadingAt = windowInstants(d.loadingDay, d.loadingMinute, d.loadingMinute, o.offsetMinutes)?.start;
  // A loading time more than a day in the past, or a year or more ahead (the mutator's limit), is a typo, not a plan.
  if (loadingAt === undefined || loadingAt < o.now - 86_400_000 || loadingAt > o.now + MAX_LOADING_AHEAD_MS) problems.push('loading');
  const contact = d.contact.trim();
  if (contact === '' || contact.length > 200) problems.push('contact');
  if (o.reasonRequired && d.reason.trim() === '') problems.push('reason');
  const override = c.securityCheck !== 'passed' && mayOverrideSecurity(o.actor);
  if (override && d.overrideReason.trim() === '') problems.push('overrideReason');
  if (problems.length > 0 || rate === undefined || loadingAt === undefined) return { deal: null, problems };
  return {
    deal: {
      carrierId: c.id,
      vehicleId: d.vehicleId === '' ? null : d.vehicleId,
      rate,
      loadingAt,
      contact,
      ...(d.reason.trim() ? { reason: d.reason.trim() } : {}),
      ...(override ? { overrideReason: d.overrideReason.trim() } : {}),
    },
    problems: [],
  };
}
