// The SLA settings screen: what main reads from the replica (policies, calendars, VIP
// customers, the proof rules) and the admin's edits as mutations. The server recomputes open
// deadlines. The refresh plan's 'slaSettings' target re-reads it while the screen shows.
import { create } from 'zustand';
import type { CustomerVipView, SlaSettingsView } from '../../../../shared/api/alerts-api';
import type { CommandResult } from '../../../../shared/api/define';
import type { ProofRuleView } from '../../../../shared/api/driver-phone-api';
import type { ChecklistPolicyView } from '../../../../shared/api/order-intake-api';
import type { ChecklistItem } from '../../../../shared/domain/order-intake';
import type { ProofKind } from '../../../../shared/delivery/proof-vocabulary';
import type { SlaPolicy } from '../../../../shared/domain/sla-policy';
import { api, errorMessage } from '../../api/client';

export interface SlaSettingsState {
  view: SlaSettingsView | null;
  found: CustomerVipView[];
  /** The last save's answer: null, 'saved', or the refusal's message. */
  message: { ok: boolean; text: string } | null;
  /** Which proofs each service type's "delivered" needs. */
  proofRules: ProofRuleView[];
  proofError: string | null;
  /** Which confirmation checklist items confirming an order needs, per service type. */
  checklistRules: ChecklistPolicyView[];
  checklistError: string | null;
  /** The screen is mounted: rule changes re-read it. */
  showing: boolean;
}

const initial: SlaSettingsState = { view: null, found: [], message: null, proofRules: [], proofError: null, checklistRules: [], checklistError: null, showing: false };

export const useSlaSettingsStore = create<SlaSettingsState>(() => initial);

export function resetSlaSettingsStore(): void {
  useSlaSettingsStore.setState(initial, true);
}

export async function loadSlaSettings(): Promise<void> {
  try {
    useSlaSettingsStore.setState({ view: await api().slaSettings() });
  } catch (err) {
    useSlaSettingsStore.setState({ message: { ok: false, text: errorMessage(err) } });
  }
}

export async function loadProofRules(): Promise<void> {
  try {
    useSlaSettingsStore.setState({ proofRules: await api().proofRules() });
  } catch (err) {
    useSlaSettingsStore.setState({ proofError: errorMessage(err) });
  }
}

export async function loadChecklistRules(): Promise<void> {
  try {
    useSlaSettingsStore.setState({ checklistRules: await api().checklistPolicies() });
  } catch (err) {
    useSlaSettingsStore.setState({ checklistError: errorMessage(err) });
  }
}

/** The screen mounts (true) or unmounts (false). */
export function showSlaSettings(showing: boolean): void {
  useSlaSettingsStore.setState({ showing });
}

/** Policies, calendars, customers, proof or checklist rules changed: re-read them if the screen shows. */
export async function refreshSlaSettings(): Promise<void> {
  if (!useSlaSettingsStore.getState().showing) return;
  await Promise.all([loadSlaSettings(), loadProofRules(), loadChecklistRules()]);
}

/** Turns one proof on or off for a service type; a refusal shows under the table. */
export async function toggleProofRule(rule: ProofRuleView, kind: ProofKind): Promise<void> {
  try {
    const r = await api().setProofRule({ ...rule, [kind]: !rule[kind] });
    if (!r.ok) useSlaSettingsStore.setState({ proofError: r.message });
  } catch (err) {
    useSlaSettingsStore.setState({ proofError: errorMessage(err) });
  }
}

/** Turns one checklist item on or off for a service type; a refusal shows under the table. */
export async function toggleChecklistItem(rule: ChecklistPolicyView, item: ChecklistItem): Promise<void> {
  const required = rule.required.includes(item) ? rule.required.filter((i) => i !== item) : [...rule.required, item];
  try {
    const r = await api().setChecklistPolicy({ serviceType: rule.serviceType, required });
    useSlaSettingsStore.setState({ checklistError: r.ok ? null : r.message });
  } catch (err) {
    useSlaSettingsStore.setState({ checklistError: errorMessage(err) });
  }
}

async function save(call: () => Promise<CommandResult>): Promise<boolean> {
  try {
    const r = await call();
    useSlaSettingsStore.setState({ message: r.ok ? { ok: true, text: '' } : { ok: false, text: r.message } });
    await loadSlaSettings();
    return r.ok;
  } catch (err) {
    useSlaSettingsStore.setState({ message: { ok: false, text: errorMessage(err) } });
    return false;
  }
}

export function savePolicy(policy: SlaPolicy): Promise<boolean> {
  return save(() => api().updateSlaPolicy({ policy: { ...policy, breachActions: [...policy.breachActions] } }));
}

export function saveCalendar(regionId: string, patch: { workingDays: number[]; workStartMinute: number; workEndMinute: number; holidays: string[] }): Promise<boolean> {
  return save(() => api().updateRegionCalendar({ regionId, ...patch }));
}

/** A warehouse's "some driver started the day by" time, "HH:MM", or null to turn the check off. */
export function saveShiftStart(warehouseId: string, time: string | null): Promise<boolean> {
  return save(() => api().setWarehouseShiftStartAlert({ warehouseId, time }));
}

export function saveVip(customerId: string, vipNormMinutes: number | null): Promise<boolean> {
  return save(() => api().setCustomerVip({ customerId, vipNormMinutes }));
}

export async function findCustomers(search: string): Promise<void> {
  if (search.trim().length === 0) {
    useSlaSettingsStore.setState({ found: [] });
    return;
  }
  try {
    useSlaSettingsStore.setState({ found: await api().findCustomers({ search }) });
  } catch (err) {
    useSlaSettingsStore.setState({ message: { ok: false, text: errorMessage(err) } });
  }
}
