// The policies table: one editable row per service type plus VIP. Norms in hours, thresholds in
// minutes, the time basis and the breach actions (the brief's escalation column).
import { useId } from 'react';
import type { SlaNumberField } from '../../../../shared/domain/sla-limits';
import { SLA_BREACH_ACTIONS, SLA_TIME_BASES, type SlaPolicy } from '../../../../shared/domain/sla-policy';
import { draftTextOf, problemOf, problemText, readPolicyDraft } from './sla-number-fields';
import { savePolicy } from './store';
import { useDraft } from '../../ui/use-draft';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/translate';

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
  const t = useT();
  const [draft, setDraft] = useDraft(policy);
  const [text, setText] = useDraft(draftTextOf(policy));
  const name = t(`slaRules.p_${policy.key}` as MessageKey);
  const bases = policy.key === 'vip' ? [...SLA_TIME_BASES, 'inherit' as const] : SLA_TIME_BASES;
  const set = (patch: Partial<SlaPolicy>): void => setDraft({ ...draft, ...patch });
  const { policy: typed, problems } = readPolicyDraft(draft, text);
  const why = (field: SlaNumberField): string | null => {
    const p = problemOf(problems, field);
    return p ? problemText(p, t) : null;
  };
  return (
    <tr>
      <th scope="row">
        {name}
        {!customized && <span className="muted"> · {t('slaRules.default')}</span>}
      </th>
      {policy.key === 'vip' ? (
        <td>
          <span className="muted">{t('slaRules.perContract')}</span>
        </td>
      ) : (
        <NumberCell label={`${name}: ${t('slaRules.norm')}`} disabled={!canEdit} value={text.norm} onChange={(v) => setText({ ...text, norm: v })} problem={why('normMinutes')} />
      )}
      <NumberCell label={`${name}: ${t('slaRules.warn')}`} disabled={!canEdit} value={text.warn} onChange={(v) => setText({ ...text, warn: v })} problem={why('warnBeforeMinutes')} />
      <NumberCell
        label={`${name}: ${t('slaRules.supervisorWarn')}`}
        disabled={!canEdit}
        value={text.supervisorWarn}
        onChange={(v) => setText({ ...text, supervisorWarn: v })}
        problem={why('supervisorWarnBeforeMinutes')}
      />
      {policy.key === 'vip' ? (
        <td>
          <span className="muted">{t('slaRules.carrierCallByService')}</span>
        </td>
      ) : (
        <NumberCell
          label={`${name}: ${t('slaRules.carrierCall')}`}
          disabled={!canEdit}
          value={text.carrierCall}
          onChange={(v) => setText({ ...text, carrierCall: v })}
          problem={why('carrierCallMinutes')}
        />
      )}
      <td>
        <select className="select" aria-label={`${name}: ${t('slaRules.basis')}`} disabled={!canEdit} value={draft.timeBasis} onChange={(e) => set({ timeBasis: e.target.value as SlaPolicy['timeBasis'] })}>
          {bases.map((b) => (
            <option key={b} value={b}>
              {t(`slaRules.b_${b}` as MessageKey)}
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
              {t(`slaRules.a_${a}` as MessageKey)}
            </label>
          ))}
        </div>
      </td>
      <td>
        {canEdit && (
          <button
            type="button"
            className="btn btn-small btn-primary"
            aria-label={t('slaRules.saveOf', { name })}
            title={problems.length > 0 ? t('slaRules.fixFirst') : undefined}
            disabled={problems.length > 0}
            onClick={() => void savePolicy(typed)}
          >
            {t('slaRules.save')}
          </button>
        )}
      </td>
    </tr>
  );
}

export function PoliciesTable({ policies, customized, canEdit }: { policies: SlaPolicy[]; customized: string[]; canEdit: boolean }) {
  const t = useT();
  return (
    <table className="sla-table" aria-label={t('slaRules.policies')}>
      <thead>
        <tr>
          <th scope="col">{t('slaRules.policy')}</th>
          <th scope="col">{t('slaRules.norm')}</th>
          <th scope="col">{t('slaRules.warn')}</th>
          <th scope="col">{t('slaRules.supervisorWarn')}</th>
          <th scope="col" title={t('slaRules.carrierCallHint')}>
            {t('slaRules.carrierCall')}
          </th>
          <th scope="col">{t('slaRules.basis')}</th>
          <th scope="col">{t('slaRules.actions')}</th>
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
