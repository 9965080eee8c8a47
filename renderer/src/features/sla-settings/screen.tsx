// The admin's SLA rules screen: policies, working calendars with holidays, VIP contracts.
// Everyone may look; only an admin edits (the server refuses anyone else's edit too).
import { useEffect } from 'react';
import { api } from '../../api/client';
import { CalendarEditor } from './CalendarEditor';
import { PoliciesTable } from './PoliciesTable';
import { loadSlaSettings, useSlaSettingsStore } from './store';
import { useSlaText } from './sla-text';
import { VipContracts } from './VipContracts';
import { ProofRules } from './ProofRules';
import { ShiftStartTimes } from './ShiftStartTimes';
import './sla-settings.css';

export default function SlaSettingsScreen() {
  const s = useSlaText();
  const { view, message } = useSlaSettingsStore();
  useEffect(() => {
    void loadSlaSettings();
    return api().on('changes', (e) => {
      if (e.all || e.tables.some((t) => t === 'sla_policies' || t === 'regions' || t === 'customers' || t === 'warehouses')) void loadSlaSettings();
    });
  }, []);
  if (!view) return <div className="empty">…</div>;
  return (
    <div className="sla-settings">
      <header className="alerts-head">
        <h1 className="wh-title">{s('title')}</h1>
        <span className="muted">{view.canEdit ? s('recomputeNote') : s('readOnly')}</span>
      </header>
      <div role="status" aria-live="polite" className={message === null ? '' : message.ok ? 'sla-msg ok' : 'sla-msg err'}>
        {message === null ? '' : message.ok ? s('saved') : message.text}
      </div>
      <section aria-label={s('policies')}>
        <h2 className="sla-subtitle">{s('policies')}</h2>
        <PoliciesTable policies={view.policies} customized={view.customized} canEdit={view.canEdit} />
      </section>
      <div className="sla-columns">
        <section aria-label={s('calendars')}>
          <h2 className="sla-subtitle">{s('calendars')}</h2>
          <CalendarEditor regions={view.regions} canEdit={view.canEdit} />
        </section>
        <section aria-label={s('vip')}>
          <h2 className="sla-subtitle">{s('vip')}</h2>
          <VipContracts customers={view.vipCustomers} canEdit={view.canEdit} />
        </section>
      </div>
      <ShiftStartTimes warehouses={view.warehouses} canEdit={view.canEdit} />
      <ProofRules canEdit={view.canEdit} />
    </div>
  );
}
