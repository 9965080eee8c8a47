// Whose alert it is: the one rule the desktop's notifications (toasts) follow, so each person
// hears about their own alerts, not the whole company's. An alert addressed to someone
// (assignee) is theirs alone; an unaddressed one goes to whoever of its audience is on duty:
// the dispatcher's to every desk role, the supervisor's to supervisors and admins (a warehouse's
// "nobody started the day" is an unaddressed supervisor alert). Logisticians
// and storekeepers get no SLA alerts.
import { isDeskRole, type UserRole } from '../domain/vocabulary';
import type { AlertAudience } from './alert-vocabulary';

export function isAlertFor(alert: { audience: AlertAudience; assigneeId: string | null }, user: { id: string; role: UserRole } | null): boolean {
  if (user === null || !isDeskRole(user.role)) return false;
  if (alert.assigneeId !== null) return alert.assigneeId === user.id;
  return alert.audience === 'dispatcher' || user.role !== 'dispatcher';
}
