// @vitest-environment happy-dom
// The confirmation checklist rules rendered over the SLA settings store: one row per service
// type, a click sends that service's new list, a refusal shows under the table. The proof rules
// are the same table (ServiceRuleMatrix) over their own store slice: checked there too.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarshrutApi } from '../../../../shared/api/contract';
import type { CommandResult } from '../../../../shared/api/define';
import type { ChecklistPolicyView } from '../../../../shared/api/order-intake-api';
import { installApi } from '../../api/client';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { useSettingsStore } from '../settings/store';
import { ChecklistRules } from './ChecklistRules';
import { ProofRules } from './ProofRules';
import { loadChecklistRules, loadProofRules, refreshSlaSettings, resetSlaSettingsStore, showSlaSettings } from './store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let rules: ChecklistPolicyView[];
let sent: unknown[];
let answer: () => Promise<CommandResult>;
let dom: DomHost;

beforeEach(() => {
  rules = [
    { serviceType: 'standard', required: ['contacts_checked'] },
    { serviceType: 'express', required: [] },
  ];
  sent = [];
  answer = () => Promise.resolve({ ok: true, mid: 1 });
  const fake = {
    checklistPolicies: () => Promise.resolve(structuredClone(rules)),
    setChecklistPolicy: (a: unknown) => (sent.push(a), answer()),
    slaSettings: () => Promise.reject(new Error('not in this test')),
    proofRules: () => Promise.resolve([{ serviceType: 'express', photo: true, signature: false, code: true }]),
    setProofRule: (a: unknown) => (sent.push(a), answer()),
    on: () => () => undefined,
  };
  installApi(fake as unknown as MarshrutApi);
  resetSlaSettingsStore();
  dom = mountHost();
});
afterEach(() => dom.unmount());

async function render(canEdit = true): Promise<HTMLInputElement[]> {
  act(() => useSettingsStore.setState({ language: 'en' }));
  await act(async () => loadChecklistRules());
  await act(async () => dom.root.render(<ChecklistRules canEdit={canEdit} />));
  return Array.from(dom.host.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));
}

describe('confirmation checklist rules (rendered over the SLA settings store)', () => {
  it('shows each service type with its required items', async () => {
    const boxes = await render();
    expect(boxes).toHaveLength(8);
    expect(boxes.filter((b) => b.checked).map((b) => b.getAttribute('aria-label'))).toEqual(['Standard: Contacts checked']);
  });

  it("a click sends that service's whole new list; a refusal shows under the table", async () => {
    const boxes = await render();
    await act(async () => boxes[1]?.click());
    await act(async () => boxes[0]?.click());
    expect(sent).toEqual([
      { serviceType: 'standard', required: ['contacts_checked', 'stock_available'] },
      { serviceType: 'standard', required: [] },
    ]);
    answer = () => Promise.resolve({ ok: false, code: 'forbidden', message: 'Only an admin changes the checklist' } as CommandResult);
    await act(async () => boxes[4]?.click());
    expect(dom.host.querySelector('[role="alert"]')?.textContent).toBe('Only an admin changes the checklist');
  });

  it('read-only for anyone but an admin', async () => {
    expect((await render(false)).every((b) => b.disabled)).toBe(true);
  });

  it("follows the refresh plan's word while the SLA screen shows", async () => {
    await render();
    showSlaSettings(true);
    rules = [{ serviceType: 'standard', required: ['address_checked'] }];
    await act(async () => refreshSlaSettings());
    const boxes = Array.from(dom.host.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));
    expect(boxes.filter((b) => b.checked).map((b) => b.getAttribute('aria-label'))).toEqual(['Standard: Address checked']);
  });

  it('the proof rules: the same table in Russian, a click sends the flipped proof, a refusal is an alert', async () => {
    act(() => useSettingsStore.setState({ language: 'ru' }));
    await act(async () => loadProofRules());
    await act(async () => dom.root.render(<ProofRules canEdit />));
    const boxes = Array.from(dom.host.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));
    expect(boxes.map((b) => `${b.getAttribute('aria-label')}=${b.checked}`)).toEqual(['Экспресс: Фото=true', 'Экспресс: Подпись=false', 'Экспресс: Код клиента=true']);
    answer = () => Promise.resolve({ ok: false, code: 'forbidden', message: 'Only an admin sets proof rules' } as CommandResult);
    await act(async () => boxes[1]?.click());
    expect(sent).toEqual([{ serviceType: 'express', photo: true, signature: true, code: true }]);
    expect(dom.host.querySelector('[role="alert"]')?.textContent).toBe('Only an admin sets proof rules');
  });
});
