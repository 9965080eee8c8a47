// The policies table: one editable row per service type plus VIP. Norms in hours, thresholds in
// minutes, the time basis and the breach actions (the brief's escalation column).
import { useEffect, useState } from 'react';
import { SLA_BREACH_ACTIONS, SLA_TIME_BASES, type SlaPolicy } from '../../../../shared/domain/sla-policy';
import { savePolicy } from './store';
import { useSlaText, type SlaTextKey } from './sla-text';

function PolicyRow({ policy, customized, canEdit }: { policy: SlaPolicy; customized: boolean; canEdit: boolean }) {
  const s = useSlaText();
  const [draft, setDraft] = useState(policy);
  useEffect(() => setDraft(policy), [policy]);
  const name = s(`p_${policy.key}` as SlaTextKey);
  const bases = policy.key === 'vip' ? [...SLA_TIME_BASES, 'inherit' as const] : SLA_TIME_BASES;
  const set = (patch: Partial<SlaPolicy>): void => setDraft({ ...draft, ...patch });
  const int = (v: string): number => Math.max(0, Math.round(Number(v) || 0));
  return (
    <tr>
      <th scope="row">
        {name}
        {!customized && <span className="muted"> · {s('default')}</span>}
      </th>
      <td>
        {policy.key === 'vip' ? (
          <span className="muted">{s('perContract')}</span>
        ) : (
          <input
            className="input num-input"
            type="number"
            min={1}
            step={0.5}
            aria-label={`${name}: ${s('norm')}`}
            disabled={!canEdit}
            value={(draft.normMinutes ?? 0) / 60}
            onChange={(e) => set({ normMinutes: Math.max(1, Math.round(Number(e.target.value) * 60)) })}
          />
        )}
      </td>
      <td>
        <input className="input num-input" type="number" min={0} aria-label={`${name}: ${s('warn')}`} disabled={!canEdit} value={draft.warnBeforeMinutes} onChange={(e) => set({ warnBeforeMinutes: int(e.target.value) })} />
      </td>
      <td>
        <input
          className="input num-input"
          type="number"
          min={0}
          aria-label={`${name}: ${s('supervisorWarn')}`}
          disabled={!canEdit}
          value={draft.supervisorWarnBeforeMinutes}
          onChange={(e) => set({ supervisorWarnBeforeMinutes: int(e.target.value) })}
        />
      </td>
      <td>
        <select className="select" aria-label={`${name}: ${s('basis')}`} disabled={!canEdit} value={draft.timeBasis} onChange={(e) => set({ timeBasis: e.target.value as SlaPolicy['timeBasis'] })}>
          {bases.map((b) => (
            <option key={b} value={b}>
              {s(`b_${b}` as SlaTextKey)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <div className="sla-actions-cell">
          {SLA_BREACH_ACTIONS.map((a) => (
            <label key={a} className="check">
              <input
                type="checkbox"
                disabled={!canEdit}
                checked={draft.breachActions.includes(a)}
                onChange={(e) => set({ breachActions: e.target.checked ? [...draft.breachActions, a] : draft.breachActions.filter((x) => x !== a) })}
              />
              {s(`a_${a}` as SlaTextKey)}
            </label>
          ))}
        </div>
      </td>
      <td>
        {canEdit && (
          <button type="button" className="btn btn-small btn-primary" aria-label={s('saveOf', { name })} onClick={() => void savePolicy(draft)}>
            {s('save')}
          </button>
        )}
      </td>
    </tr>
  );
}

export function PoliciesTable({ policies, customized, canEdit }: { policies: SlaPolicy[]; customized: string[]; canEdit: boolean }) {
  const s = useSlaText();
  return (
    <table className="sla-table" aria-label={s('policies')}>
      <thead>
        <tr>
          <th scope="col">{s('policy')}</th>
          <th scope="col">{s('norm')}</th>
          <th scope="col">{s('warn')}</th>
          <th scope="col">{s('supervisorWarn')}</th>
          <th scope="col">{s('basis')}</th>
          <th scope="col">{s('actions')}</th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {policies.map((p) => (
          <PolicyRow key={p.key} policy={p} customized={customized.includes(p.key)} canEdit={canEdit} />
        ))}
      </tbody>
    </table>
  );
}
