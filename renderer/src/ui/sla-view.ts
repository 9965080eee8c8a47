// The live SLA countdown: the same slaStatus the server and main use, at the shared ticker's
// `now`, turned into text and a tone. The deadline itself is the stored one (orders.slaDeadline),
// so the renderer and the server never disagree about when an order is due.
import type { OrderListRow } from '../../../shared/api/orders-api';
import { NO_SLA, slaStatus, type SlaState, type SlaStatus } from '../../../shared/domain/sla-engine';
import { DEFAULT_SLA_POLICIES, type SlaPolicies } from '../../../shared/domain/sla-policy';
import { DEFAULT_KZ_CALENDAR, type WorkingCalendar } from '../../../shared/domain/working-calendar';
import { formatDuration, formatTimer } from '../i18n/format-time';
import type { Translator } from '../i18n/translate';
import type { PredictedRisk } from '../../../shared/eta/arrival-risk';

/**
 * A queue row carries `vip` rather than the contract's norm. With the deadline stored, the norm
 * only selects the VIP policy (its warning window); its value is not used, so any positive
 * number stands in for it.
 */
const VIP_NORM_STAND_IN = 1;

export type SlaRowInput = Pick<OrderListRow, 'status' | 'serviceType' | 'vip' | 'slaDeadline' | 'confirmedAt'> & {
  /** At risk by the predicted arrival (main decides it with shared/eta/arrival-risk.ts). */
  arrivalRisk?: PredictedRisk | null;
  regionId?: string;
  deliveredAt?: number | null;
  vipNormMinutes?: number | null;
  /** When the order arrived: a new order (no deadline yet) shows how long it has waited. */
  createdAt?: number;
};

/**
 * The order's region calendar from the session's map, or undefined (the default) when the region
 * is unknown. Own keys only: the map is a plain object, and an id such as 'constructor' must not
 * pick up one of Object's members.
 */
export function regionCalendar(
  calendars: Readonly<Record<string, WorkingCalendar>> | undefined,
  regionId: string | undefined,
): WorkingCalendar | undefined {
  return calendars !== undefined && regionId !== undefined && Object.hasOwn(calendars, regionId) ? calendars[regionId] : undefined;
}

export function rowSla(
  row: SlaRowInput,
  now: number,
  policies: SlaPolicies = DEFAULT_SLA_POLICIES,
  calendar: WorkingCalendar = DEFAULT_KZ_CALENDAR,
): SlaStatus {
  try {
    return slaStatus(
      {
        status: row.status,
        serviceType: row.serviceType,
        vipNormMinutes: row.vipNormMinutes ?? (row.vip ? VIP_NORM_STAND_IN : null),
        confirmedAt: row.confirmedAt,
        deliveredAt: row.deliveredAt ?? null,
        slaDeadline: row.slaDeadline,
      },
      now,
      policies,
      calendar,
    );
  } catch {
    // An order of a service type this build doesn't know: show no countdown rather than crash the list.
    return NO_SLA;
  }
}

/**
 * The countdown cell: "3:07:45" while running, "overdue 1 h 12 min" once breached; a new order
 * (its clock starts at confirmation) says how long it has waited: "waiting 25 min".
 */
export function slaText(s: Pick<SlaStatus, 'state' | 'msLeft'>, t: Translator, waitedMs: number | null = null): string {
  switch (s.state) {
    case 'none':
      return waitedMs !== null ? t('sla.waiting', { time: formatDuration(Math.max(0, waitedMs), t) }) : t('sla.none');
    case 'met':
      return t('sla.met');
    case 'breached':
      return t('sla.overdue', { time: formatDuration(s.msLeft ?? 0, t) });
    default:
      return formatTimer(s.msLeft ?? 0, t);
  }
}

export type SlaTone = 'ok' | 'warning' | 'critical' | 'breached' | 'muted';

/**
 * The prediction that makes a row at risk while its time-left window has not opened yet (the
 * deadline still stands, the clock says "ok"): it is painted amber like a warning.
 */
export function predictionWarning(state: SlaState, arrivalRisk: PredictedRisk | null | undefined): PredictedRisk | null {
  return state === 'ok' && arrivalRisk !== undefined && arrivalRisk !== null ? arrivalRisk : null;
}

/** The state as a tone; CSS paints warning and critical (at risk) amber, breached red. */
export function slaTone(state: SlaState): SlaTone {
  switch (state) {
    case 'ok':
      return 'ok';
    case 'warning':
      return 'warning';
    case 'critical':
      return 'critical';
    case 'breached':
      return 'breached';
    default:
      return 'muted';
  }
}
