// One countdown cell. It selects the shared ticker's `now`, so all countdowns on screen tick
// together from one timer; rows outside the virtualised window don't exist and cost nothing.
import { useClockStore } from '../features/clock/store';
import { useSessionStore } from '../features/session/store';
import { useT } from '../i18n/use-t';
import { predictionWarning, regionCalendar, rowSla, slaText, slaTone, type SlaRowInput } from './sla-view';

export function SlaCountdown({ row, className = '' }: { row: SlaRowInput; className?: string }) {
  const now = useClockStore((s) => s.now);
  const t = useT();
  // The policies in force (admin-edited); the defaults until the session has loaded.
  const policies = useSessionStore((s) => s.session?.slaPolicies);
  // And the order's region calendar: amber and red count working time there.
  const calendar = useSessionStore((s) => regionCalendar(s.session?.calendars, row.regionId));
  const status = rowSla(row, now, policies, calendar);
  const waited = status.state === 'none' && row.status === 'new' && row.createdAt !== undefined ? now - row.createdAt : null;
  const text = slaText(status, t, waited);
  const predicted = predictionWarning(status.state, row.arrivalRisk);
  const state = predicted === null ? t(`sla.state.${status.state}`) : t(predicted === 'late' ? 'card.arrivalRisk.late' : 'card.arrivalRisk.tight');
  const tone = waited !== null ? 'waiting' : predicted !== null ? 'warning' : slaTone(status.state);
  const deadline = status.deadline === null ? '' : `, ${t('card.deadline')} ${t.fmt.dateTime(status.deadline)}`;
  return (
    <span
      className={`sla sla-${tone} ${className}`}
      data-sla-state={status.state}
      data-arrival-risk={predicted ?? undefined}
      title={`${state}${deadline}`}
      aria-label={`${state}: ${text}`}
    >
      {text}
    </span>
  );
}
