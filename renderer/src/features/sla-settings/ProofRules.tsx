// The admin's rule per service type: which proofs a driver's "delivered" needs (photo,
// signature, the customer's code). Everyone sees it; only an admin's change sticks.
import { PROOF_KINDS } from '../../../../shared/delivery/proof-vocabulary';
import { useT } from '../../i18n/use-t';
import { toggleProofRule, useSlaSettingsStore } from './store';

export function ProofRules({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const rules = useSlaSettingsStore((s) => s.proofRules);
  const error = useSlaSettingsStore((s) => s.proofError);
  return (
    <section aria-label={t('proof.rules')}>
      <h2 className="sla-subtitle">{t('proof.rules')}</h2>
      <table className="sla-table">
        <thead>
          <tr>
            <th />
            {PROOF_KINDS.map((k) => (
              <th key={k}>{t.dyn(`proof.kind.${k}`, k)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.serviceType}>
              <th scope="row">{t.dyn(`service.${r.serviceType}`, r.serviceType)}</th>
              {PROOF_KINDS.map((k) => (
                <td key={k}>
                  <input
                    type="checkbox"
                    checked={r[k]}
                    disabled={!canEdit}
                    aria-label={`${t.dyn(`service.${r.serviceType}`, r.serviceType)}: ${t.dyn(`proof.kind.${k}`, k)}`}
                    onChange={() => void toggleProofRule(r, k)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {error && <p className="error-text">{error}</p>}
    </section>
  );
}
