// Which confirmation checklist items each service requires, read from the replica's policy
// rows through the mutator's own rule (requiredChecklist), so the card, the settings tab and
// the confirmOrder mutator never disagree about a default.
import { eq } from 'drizzle-orm';
import type { ChecklistPolicyView } from '../../../shared/api/order-intake-api';
import type { ChecklistItem } from '../../../shared/domain/order-intake';
import { SERVICE_TYPES, type ServiceType } from '../../../shared/domain/vocabulary';
import { requiredChecklist } from '../../../shared/mutators/checklist-policy';
import type { MutatorTx } from '../../../shared/mutators/mutator-tx';
import { checklistPolicies, type ChecklistPolicyRow } from '../../../shared/schema';
import type { ReadonlyReplica } from '../open-replica';

/** The rule over one stored row (or none): requiredChecklist only ever asks for this row. */
function requiredOf(row: ChecklistPolicyRow | undefined, serviceType: ServiceType): ChecklistItem[] {
  return [...requiredChecklist({ get: (() => row) as MutatorTx['get'] }, serviceType)];
}

/** The items one service requires before an order of it is confirmed. */
export function requiredChecklistOf(replica: ReadonlyReplica, serviceType: ServiceType): ChecklistItem[] {
  return requiredOf(replica.db.select().from(checklistPolicies).where(eq(checklistPolicies.id, serviceType)).get(), serviceType);
}

/** Every service's required items, in the vocabulary's order of services. */
export function checklistPolicyViews(replica: ReadonlyReplica): ChecklistPolicyView[] {
  const rows = replica.db.select().from(checklistPolicies).all();
  return SERVICE_TYPES.map((serviceType) => ({ serviceType, required: requiredOf(rows.find((r) => r.id === serviceType), serviceType) }));
}
