// A region's working calendar: working days, working hours and the holiday list (government
// day swaps and Kurban Ait are announced yearly, so admins add them here).
import { useState } from 'react';
import type { RegionCalendarView } from '../../../../shared/api/alerts-api';
import { DayInput, TimeInput } from '../../i18n/LocaleInputs';
import { useT } from '../../i18n/use-t';
import { useDraft } from '../../ui/use-draft';
import { saveCalendar } from './store';
import type { MessageKey } from '../../i18n/translate';

export function CalendarEditor({ regions, canEdit }: { regions: RegionCalendarView[]; canEdit: boolean }) {
  const t = useT();
  const [regionId, setRegionId] = useState(regions[0]?.id ?? '');
  const region = regions.find((r) => r.id === regionId) ?? regions[0];
  const [draft, setDraft] = useDraft(region);
  const [newDate, setNewDate] = useState('');
  if (!region || !draft) return null;
  const toggleDay = (d: number): void =>
    setDraft({ ...draft, workingDays: draft.workingDays.includes(d) ? draft.workingDays.filter((x) => x !== d) : [...draft.workingDays, d].sort() });
  return (
    <div className="sla-calendar">
      <label className="sla-inline">
        <span>{t('slaRules.region')}</span>
        <select className="select" value={region.id} onChange={(e) => setRegionId(e.target.value)}>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="sla-days">
        <legend>{t('slaRules.days')}</legend>
        {[1, 2, 3, 4, 5, 6, 7].map((d) => (
          <label key={d} className="check">
            <input type="checkbox" disabled={!canEdit} checked={draft.workingDays.includes(d)} onChange={() => toggleDay(d)} />
            {t(`slaRules.d${d}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <div className="sla-inline">
        <label className="sla-inline">
          <span>{t('slaRules.from')}</span>
          <TimeInput disabled={!canEdit} value={draft.workStartMinute} onChange={(m) => setDraft({ ...draft, workStartMinute: m })} />
        </label>
        <label className="sla-inline">
          <span>{t('slaRules.until')}</span>
          <TimeInput disabled={!canEdit} value={draft.workEndMinute} onChange={(m) => setDraft({ ...draft, workEndMinute: m })} />
        </label>
      </div>
      <div>
        <div className="sla-subtitle">{t('slaRules.holidays')}</div>
        <ul className="sla-holidays" aria-label={t('slaRules.holidays')}>
          {draft.holidays.map((h) => (
            <li key={h} className="sla-chip">
              {t.fmt.isoDay(h)}
              {canEdit && (
                <button type="button" className="link" aria-label={t('slaRules.removeHoliday', { date: t.fmt.isoDay(h) })} onClick={() => setDraft({ ...draft, holidays: draft.holidays.filter((x) => x !== h) })}>
                  ✕
                </button>
              )}
            </li>
          ))}
        </ul>
        {canEdit && (
          <form
            className="sla-inline"
            onSubmit={(e) => {
              e.preventDefault();
              if (/^\d{4}-\d{2}-\d{2}$/.test(newDate) && !draft.holidays.includes(newDate)) setDraft({ ...draft, holidays: [...draft.holidays, newDate].sort() });
              setNewDate('');
            }}
          >
            <DayInput aria-label={t('slaRules.holidayDate')} value={newDate} onChange={setNewDate} />
            <button type="submit" className="btn btn-small">
              {t('slaRules.addHoliday')}
            </button>
          </form>
        )}
      </div>
      {canEdit && (
        <button
          type="button"
          className="btn btn-primary"
          onClick={() =>
            void saveCalendar(region.id, { workingDays: draft.workingDays, workStartMinute: draft.workStartMinute, workEndMinute: draft.workEndMinute, holidays: draft.holidays })
          }
        >
          {t('slaRules.saveCalendar')}
        </button>
      )}
    </div>
  );
}
