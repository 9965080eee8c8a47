// The admin's rule per service type: which proofs a driver's "delivered" needs (photo,
// signature, the customer's code). Everyone sees it; only an admin's change sticks.
import { PROOF_KINDS } from '../../../../shared/delivery/proof-vocabulary';
import { useT } from '../../i18n/use-t';
import { ServiceRuleMatrix } from './ServiceRuleMatrix';
import { toggleProofRule, useSlaSettingsStore } from './store';

export function ProofRules({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const rules = useSlaSettingsStore((s) => s.proofRules);
  const error = useSlaSettingsStore((s) => s.proofError);
  return (
    <ServiceRuleMatrix
      title={t('proof.rules')}
      rows={rules}
      columns={PROOF_KINDS}
      columnName={(k) => t.dyn(`proof.kind.${k}`, k)}
      checked={(r, k) => r[k]}
      onToggle={(r, k) => void toggleProofRule(r, k)}
      canEdit={canEdit}
      error={error}
    />
  );
}
