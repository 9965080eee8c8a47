// The admin's rule per service type: which proofs a driver's "delivered" needs (photo,
// signature, the customer's code). Everyone sees it; only an admin's change sticks.
import { useEffect, useState } from 'react';
import type { ProofRuleView } from '../../../../shared/api/driver-phone-api';
import { PROOF_KINDS } from '../../../../shared/delivery/proof-vocabulary';
import { api, errorMessage } from '../../api/client';
import { useT } from '../../i18n/use-t';

export function ProofRules({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const [rules, setRules] = useState<ProofRuleView[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () => void api().proofRules().then(setRules).catch((e: unknown) => setError(errorMessage(e)));
    load();
    return api().on('changes', (e) => {
      if (e.all || e.tables.includes('delivery_proof_rules')) load();
    });
  }, []);
  const toggle = async (rule: ProofRuleView, kind: (typeof PROOF_KINDS)[number]) => {
    const r = await api().setProofRule({ ...rule, [kind]: !rule[kind] });
    if (!r.ok) setError(r.message);
  };
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
                    onChange={() => void toggle(r, k)}
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
