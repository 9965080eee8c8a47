// The admin's rule per service type: which confirmation checklist items (seed 001) confirming an
// order requires. Everyone sees it; only an admin's change sticks (setChecklistPolicy refuses
// anyone else, in main and on the server).
import { CHECKLIST_ITEMS } from '../../../../shared/domain/order-intake';
import { useT } from '../../i18n/use-t';
import { ServiceRuleMatrix } from './ServiceRuleMatrix';
import { toggleChecklistItem, useSlaSettingsStore } from './store';

export function ChecklistRules({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const rules = useSlaSettingsStore((s) => s.checklistRules);
  const error = useSlaSettingsStore((s) => s.checklistError);
  return (
    <ServiceRuleMatrix
      title={t('checklist.rules')}
      rows={rules}
      columns={CHECKLIST_ITEMS}
      columnName={(i) => t(`checklist.${i}`)}
      checked={(r, i) => r.required.includes(i)}
      onToggle={(r, i) => void toggleChecklistItem(r, i)}
      canEdit={canEdit}
      error={error}
    />
  );
}
