// Which confirmation checklist items a service requires: the admin's row, else the default.
import { CHECKLIST_ITEMS, DEFAULT_REQUIRED_CHECKLIST, type ChecklistItem } from '../domain/order-intake';
import type { ServiceType } from '../domain/vocabulary';
import type { MutatorTx } from './mutator-tx';

export function requiredChecklist(tx: Pick<MutatorTx, 'get'>, serviceType: ServiceType): readonly ChecklistItem[] {
  const row = tx.get('checklist_policies', serviceType);
  // A stored list from a newer version may name items this one doesn't know: keep the known ones.
  if (row !== undefined && Array.isArray(row.required)) return CHECKLIST_ITEMS.filter((i) => row.required.includes(i));
  return DEFAULT_REQUIRED_CHECKLIST[serviceType];
}
