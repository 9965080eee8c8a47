// The admin's rule per service type: which confirmation checklist items (seed 001) confirming an
// order requires. Everyone sees it; only an admin's change sticks (setChecklistPolicy refuses
// anyone else, in main and on the server).
import { CHECKLIST_ITEMS } from '../../../../shared/domain/order-intake';
import { useT } from '../../i18n/use-t';
import { toggleChecklistItem, useSlaSettingsStore } from './store';

export function ChecklistRules({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const rules = useSlaSettingsStore((s) => s.checklistRules);
  const error = useSlaSettingsStore((s) => s.checklistError);
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
                    onChange={() => void toggleChecklistItem(r, i)}
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
