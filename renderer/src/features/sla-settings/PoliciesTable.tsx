// The policies table: one editable row per service type plus VIP. Norms in hours, thresholds in
// minutes, the time basis and the breach actions (the brief's escalation column).
import { useEffect, useId, useState } from 'react';
import type { SlaNumberField } from '../../../../shared/domain/sla-limits';
import { SLA_BREACH_ACTIONS, SLA_TIME_BASES, type SlaPolicy } from '../../../../shared/domain/sla-policy';
import { draftTextOf, problemOf, problemText, readPolicyDraft } from './sla-number-fields';
import { savePolicy } from './store';
import { useSlaText, type SlaTextKey } from './sla-text';

function NumberCell({ label, value, onChange, problem, disabled }: { label: string; value: string; onChange: (v: string) => void; problem: string | null; disabled: boolean }) {
  const id = useId();
  return (
    <td>
      <input
        className="input num-input"
        type="text"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={problem !== null || undefined}
        aria-describedby={problem !== null ? id : undefined}
        disabled={disabled}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {problem !== null && (
        <div id={id} className="sla-field-problem" role="alert">
          {problem}
        </div>
      )}
    </td>
  );
}

function PolicyRow({ policy, customized, canEdit }: { policy: SlaPolicy; customized: boolean; canEdit: boolean }) {
  const s = useSlaText();
  const [draft, setDraft] = useState(policy);
  const [text, setText] = useState(() => draftTextOf(policy));
  useEffect(() => {
    setDraft(policy);
    setText(draftTextOf(policy));
  }, [policy]);
  const name = s(`p_${policy.key}` as SlaTextKey);
  const bases = policy.key === 'vip' ? [...SLA_TIME_BASES, 'inherit' as const] : SLA_TIME_BASES;
  const set = (patch: Partial<SlaPolicy>): void => setDraft({ ...draft, ...patch });
  const { policy: typed, problems } = readPolicyDraft(draft, text);
  const why = (field: SlaNumberField): string | null => {
    const p = problemOf(problems, field);
    return p ? problemText(p, s, s.fmt) : null;
  };
  return (
    <tr>
      <th scope="row">
        {name}
        {!customized && <span className="muted"> · {s('default')}</span>}
      </th>
      {policy.key === 'vip' ? (
        <td>
          <span className="muted">{s('perContract')}</span>
        </td>
      ) : (
        <NumberCell label={`${name}: ${s('norm')}`} disabled={!canEdit} value={text.norm} onChange={(v) => setText({ ...text, norm: v })} problem={why('normMinutes')} />
      )}
      <NumberCell label={`${name}: ${s('warn')}`} disabled={!canEdit} value={text.warn} onChange={(v) => setText({ ...text, warn: v })} problem={why('warnBeforeMinutes')} />
      <NumberCell
        label={`${name}: ${s('supervisorWarn')}`}
        disabled={!canEdit}
        value={text.supervisorWarn}
        onChange={(v) => setText({ ...text, supervisorWarn: v })}
        problem={why('supervisorWarnBeforeMinutes')}
      />
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
          <button
            type="button"
            className="btn btn-small btn-primary"
            aria-label={s('saveOf', { name })}
            title={problems.length > 0 ? s('fixFirst') : undefined}
            disabled={problems.length > 0}
            onClick={() => void savePolicy(typed)}
          >
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
