// The admin's SLA rules screen: policies, working calendars with holidays, VIP contracts, and per
// service the proofs of delivery and the confirmation checklist.
// Everyone may look; only an admin edits (the server refuses anyone else's edit too).
// Edits by anyone re-read it through the refresh plan's 'slaSettings' target while it shows.
import { useEffect } from 'react';
import { CalendarEditor } from './CalendarEditor';
import { PoliciesTable } from './PoliciesTable';
import { loadChecklistRules, loadProofRules, loadSlaSettings, showSlaSettings, useSlaSettingsStore } from './store';
import { useT } from '../../i18n/use-t';
import { VipContracts } from './VipContracts';
import { ProofRules } from './ProofRules';
import { ChecklistRules } from './ChecklistRules';
import { ShiftStartTimes } from './ShiftStartTimes';
import './sla-settings.css';

export default function SlaSettingsScreen() {
  const t = useT();
  const view = useSlaSettingsStore((st) => st.view);
  const message = useSlaSettingsStore((st) => st.message);
  useEffect(() => {
    showSlaSettings(true);
    void loadSlaSettings();
    void loadProofRules();
    void loadChecklistRules();
    return () => showSlaSettings(false);
  }, []);
  if (!view) return <div className="empty">…</div>;
  return (
    <div className="sla-settings">
      <header className="alerts-head">
        <h1 className="wh-title">{t('slaRules.title')}</h1>
        <span className="muted">{view.canEdit ? t('slaRules.recomputeNote') : t('slaRules.readOnly')}</span>
      </header>
      <div role="status" aria-live="polite" className={message === null ? '' : message.ok ? 'sla-msg ok' : 'sla-msg err'}>
        {message === null ? '' : message.ok ? t('slaRules.saved') : message.text}
      </div>
      <section aria-label={t('slaRules.policies')}>
        <h2 className="sla-subtitle">{t('slaRules.policies')}</h2>
        <PoliciesTable policies={view.policies} customized={view.customized} canEdit={view.canEdit} />
      </section>
      <div className="sla-columns">
        <section aria-label={t('slaRules.calendars')}>
          <h2 className="sla-subtitle">{t('slaRules.calendars')}</h2>
          <CalendarEditor regions={view.regions} canEdit={view.canEdit} />
        </section>
        <section aria-label={t('slaRules.vip')}>
          <h2 className="sla-subtitle">{t('slaRules.vip')}</h2>
          <VipContracts customers={view.vipCustomers} canEdit={view.canEdit} />
        </section>
      </div>
      <ShiftStartTimes warehouses={view.warehouses} canEdit={view.canEdit} />
      <ProofRules canEdit={view.canEdit} />
      <ChecklistRules canEdit={view.canEdit} />
    </div>
  );
}
