// The admin's rule per service type: which confirmation checklist items (seed 001) confirming an
// order requires. Everyone sees it; only an admin's change sticks (setChecklistPolicy refuses
// anyone else, in main and on the server).
import { useEffect, useState } from 'react';
import type { ChecklistPolicyView } from '../../../../shared/api/order-intake-api';
import { CHECKLIST_ITEMS, type ChecklistItem } from '../../../../shared/domain/order-intake';
import { api, errorMessage } from '../../api/client';
import { useT } from '../../i18n/use-t';

export function ChecklistRules({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const [rules, setRules] = useState<ChecklistPolicyView[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () => void api().checklistPolicies().then(setRules).catch((e: unknown) => setError(errorMessage(e)));
    load();
    return api().on('changes', (e) => {
      if (e.all || e.tables.includes('checklist_policies')) load();
    });
  }, []);
  const toggle = async (rule: ChecklistPolicyView, item: ChecklistItem) => {
    const required = rule.required.includes(item) ? rule.required.filter((i) => i !== item) : [...rule.required, item];
    const r = await api().setChecklistPolicy({ serviceType: rule.serviceType, required });
    setError(r.ok ? null : r.message);
  };
  return (
    <section aria-label={t('checklist.rules')}>
      <h2 className="sla-subtitle">{t('checklist.rules')}</h2>
      <table className="sla-table">
        <thead>
          <tr>
            <th />
            {CHECKLIST_ITEMS.map((i) => (
              <th key={i}>{t(`checklist.${i}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.serviceType}>
              <th scope="row">{t.dyn(`service.${r.serviceType}`, r.serviceType)}</th>
              {CHECKLIST_ITEMS.map((i) => (
                <td key={i}>
                  <input
                    type="checkbox"
                    checked={r.required.includes(i)}
                    disabled={!canEdit}
                    aria-label={`${t.dyn(`service.${r.serviceType}`, r.serviceType)}: ${t(`checklist.${i}`)}`}
                    onChange={() => void toggle(r, i)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
