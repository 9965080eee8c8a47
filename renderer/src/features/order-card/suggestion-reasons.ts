// Why a driver is suggested where it is, and why others are not offered, in the dispatcher's
// language from the ranking's own figures (shared/domain/driver-ranking), shown as text rather
// than hidden in a tooltip.
import type { DriverSuggestionView, DriverSuggestions } from '../../../../shared/api/drivers-api';
import type { Translator } from '../../i18n/translate';

export function suggestionReasons(s: DriverSuggestionView, now: number, t: Translator): string[] {
  const out: string[] = [];
  out.push(s.distanceKm === null ? t('why.noPosition') : t('why.distance', { km: t.fmt.km(s.distanceKm) }));
  out.push(t('why.load', { n: s.load, today: s.assignedToday }));
  if (s.isRegular) out.push(t('assign.regular'));
  if (s.onBreak) out.push(t('why.breakRegular'));
  if (s.noSignal) out.push(s.fixAt === null ? t('assign.noSignal') : t('why.noSignalFor', { time: t.fmt.duration(now - s.fixAt) }));
  return out;
}

/** "Off shift: A, B. On a break: C." */
export function excludedText(excluded: DriverSuggestions['excluded'], t: Translator, max = 8): string {
  const groups: string[] = [];
  for (const reason of ['off_shift', 'on_break'] as const) {
    const names = excluded.filter((e) => e.reason === reason).map((e) => e.name);
    if (names.length === 0) continue;
    const shown = names.slice(0, max).join(', ');
    const more = names.length > max ? ` ${t('why.more', { n: names.length - max })}` : '';
    groups.push(`${t(reason === 'off_shift' ? 'why.offShift' : 'why.onBreak')}: ${shown}${more}`);
  }
  return groups.join('. ');
}
