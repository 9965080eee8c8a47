// Per warehouse, the time by which some driver should have started the day (issue 18): past it
// on a working day with nobody started, the supervisors get an alert. Off by default.
import { useEffect, useState } from 'react';
import type { WarehouseShiftStartView } from '../../../../shared/api/alerts-api';
import { timeOfMinute } from '../../../../shared/domain/time-of-day';
import { TimeInput } from '../../i18n/LocaleInputs';
import { saveShiftStart } from './store';
import { useT } from '../../i18n/use-t';

/** What a newly switched-on check proposes: the calendars' usual start of the working day. */
const DEFAULT_MINUTE = 9 * 60;

function ShiftStartRow({ w, canEdit }: { w: WarehouseShiftStartView; canEdit: boolean }) {
  const t = useT();
  const [on, setOn] = useState(w.shiftStartAlertMinute !== null);
  const [minute, setMinute] = useState(w.shiftStartAlertMinute ?? DEFAULT_MINUTE);
  useEffect(() => {
    setOn(w.shiftStartAlertMinute !== null);
    setMinute(w.shiftStartAlertMinute ?? DEFAULT_MINUTE);
  }, [w.shiftStartAlertMinute]);
  const changed = on ? w.shiftStartAlertMinute !== minute : w.shiftStartAlertMinute !== null;
  return (
    <tr>
      <th scope="row">
        {w.name}
        <div className="muted">{w.city}</div>
      </th>
      <td>
        <label className="check">
          <input type="checkbox" disabled={!canEdit} checked={on} aria-label={t('slaRules.shiftStartOnOf', { name: w.name })} onChange={(e) => setOn(e.target.checked)} />
          {t('slaRules.shiftStartOn')}
        </label>
      </td>
      <td>
        {on ? (
          <TimeInput aria-label={t('slaRules.shiftStartTimeOf', { name: w.name })} disabled={!canEdit} value={minute} onChange={setMinute} />
        ) : (
          <span className="muted">{t('slaRules.shiftStartOff')}</span>
        )}
      </td>
      <td>
        {canEdit && (
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={!changed}
            aria-label={t('slaRules.saveShiftStartOf', { name: w.name })}
            onClick={() => void saveShiftStart(w.id, on ? timeOfMinute(minute) : null)}
          >
            {t('slaRules.save')}
          </button>
        )}
      </td>
    </tr>
  );
}

export function ShiftStartTimes({ warehouses, canEdit }: { warehouses: WarehouseShiftStartView[]; canEdit: boolean }) {
  const t = useT();
  return (
    <section aria-label={t('slaRules.shiftStart')}>
      <h2 className="sla-subtitle">{t('slaRules.shiftStart')}</h2>
      <p className="muted">{t('slaRules.shiftStartNote')}</p>
      <table className="sla-table">
        <thead>
          <tr>
            <th scope="col">{t('slaRules.warehouse')}</th>
            <th scope="col">{t('slaRules.shiftStartOn')}</th>
            <th scope="col">{t('slaRules.shiftStartTime')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {warehouses.map((w) => (
            <ShiftStartRow key={w.id} w={w} canEdit={canEdit} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
