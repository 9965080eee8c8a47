// Whose alert it is: the one rule the desktop's notifications (toasts), the Alerts tab, staff
// messages and the acknowledgement follow, so each person hears about their own alerts, not the
// whole company's. An alert addressed to someone (assignee) is theirs alone; an unaddressed one
// goes to whoever of its audience is on duty: the dispatcher's to every desk role, the
// supervisor's to supervisors and admins (a warehouse's "nobody started the day" is an
// unaddressed supervisor alert). Off the desk, a logistician gets only the carrier follow-ups
// of the orders they handed to a carrier (seed 004: the loading and the calls are theirs), and
// only when addressed to them; storekeepers get none.
import { isDeskRole, type UserRole } from '../domain/vocabulary';
import type { AlertAudience, AlertKind, OrderAlertKind } from './alert-vocabulary';

/** The carrier follow-ups (shared/alerts/carrier-alerts.ts): they go to whoever handed the order to the carrier. */
export const CARRIER_ALERT_KINDS = ['carrier_loading', 'carrier_call'] as const satisfies readonly OrderAlertKind[];

export function isCarrierAlertKind(kind: AlertKind): boolean {
  return (CARRIER_ALERT_KINDS as readonly string[]).includes(kind);
}

/** Whether a person of this role may be sent (and handle) an alert of this kind at all. */
export function mayReceiveAlertKind(role: UserRole | null | undefined, kind: AlertKind): boolean {
  return isDeskRole(role) || (role === 'logistician' && isCarrierAlertKind(kind));
}

interface AlertAddress {
  kind: AlertKind;
  audience: AlertAudience;
  assigneeId: string | null;
}

/** A signed-in user, or a mutation's actor (a machine has no role and no alerts). */
type Person = { id: string; role: UserRole | null } | null;

export function isAlertFor(alert: AlertAddress, user: Person): boolean {
  if (user === null || !mayReceiveAlertKind(user.role, alert.kind)) return false;
  if (alert.assigneeId !== null) return alert.assigneeId === user.id;
  // Unaddressed alerts are the desk's on duty: nobody off the desk is on that duty.
  if (!isDeskRole(user.role)) return false;
  return alert.audience === 'dispatcher' || user.role !== 'dispatcher';
}

/**
 * Who may mark an alert seen: anyone at the desk any alert (one acknowledgement clears it on
 * every desktop, a supervisor may take a dispatcher's), anyone else only an alert that is theirs.
 */
export function mayAcknowledgeAlert(alert: AlertAddress, user: Person): boolean {
  return user !== null && (isDeskRole(user.role) || isAlertFor(alert, user));
}
