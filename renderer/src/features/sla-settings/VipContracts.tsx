// VIP contracts per customer: the contract's norm (hours) replaces the service type's norm for
// that customer's orders (the VIP policy's thresholds and breach actions apply).
import { useEffect, useState } from 'react';
import type { CustomerVipView } from '../../../../shared/api/alerts-api';
import { hoursToMinutes, problemText, vipDraftProblems } from './sla-number-fields';
import { findCustomers, saveVip, useSlaSettingsStore } from './store';
import { useT } from '../../i18n/use-t';

function VipRow({ c, canEdit }: { c: CustomerVipView; canEdit: boolean }) {
  const t = useT();
  const [hours, setHours] = useState(c.vipNormMinutes === null ? '' : String(c.vipNormMinutes / 60));
  useEffect(() => setHours(c.vipNormMinutes === null ? '' : String(c.vipNormMinutes / 60)), [c.vipNormMinutes]);
  const minutes = hoursToMinutes(hours);
  const problem = hours.trim() === '' ? undefined : vipDraftProblems(hours)[0];
  return (
    <tr>
      <th scope="row">
        {c.name}
        <div className="muted">{c.phone}</div>
      </th>
      <td>
        <input
          className="input num-input"
          type="text"
          inputMode="decimal"
          aria-label={`${c.name}: ${t('slaRules.vipNorm')}`}
          aria-invalid={problem !== undefined || undefined}
          disabled={!canEdit}
          value={hours}
          onChange={(e) => setHours(e.target.value)}
        />
        {problem !== undefined && (
          <div className="sla-field-problem" role="alert">
            {problemText(problem, t)}
          </div>
        )}
      </td>
      <td>
        <div className="sla-row-actions">
          {canEdit && (
            <>
              <button type="button" className="btn btn-small btn-primary" disabled={hours.trim() === '' || problem !== undefined} aria-label={t('slaRules.saveVipOf', { name: c.name })} onClick={() => void saveVip(c.id, minutes)}>
                {t('slaRules.saveVip')}
              </button>
              {c.vipNormMinutes !== null && (
                <button type="button" className="btn btn-small" aria-label={t('slaRules.removeVipOf', { name: c.name })} onClick={() => void saveVip(c.id, null)}>
                  {t('slaRules.removeVip')}
                </button>
              )}
            </>
          )}
        </div>
      </td>
    </tr>
  );
}

export function VipContracts({ customers, canEdit }: { customers: CustomerVipView[]; canEdit: boolean }) {
  const t = useT();
  const found = useSlaSettingsStore((st) => st.found);
  const [search, setSearch] = useState('');
  const extra = found.filter((f) => !customers.some((c) => c.id === f.id));
  return (
    <div>
      {canEdit && (
        <input
          className="input sla-search"
          type="search"
          aria-label={t('slaRules.findCustomer')}
          placeholder={t('slaRules.findCustomer')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            void findCustomers(e.target.value);
          }}
        />
      )}
      <table className="sla-table" aria-label={t('slaRules.vip')}>
        <thead>
          <tr>
            <th scope="col">{t('slaRules.customer')}</th>
            <th scope="col">{t('slaRules.vipNorm')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {[...customers, ...extra].map((c) => (
            <VipRow key={c.id} c={c} canEdit={canEdit} />
          ))}
        </tbody>
      </table>
      {customers.length === 0 && extra.length === 0 && <div className="muted">{t('slaRules.noVip')}</div>}
    </div>
  );
}
