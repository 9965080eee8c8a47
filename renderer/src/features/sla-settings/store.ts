// The SLA settings screen: what main reads from the replica (policies, calendars, VIP
// customers) and the admin's edits as mutations. The server recomputes open deadlines.
import { create } from 'zustand';
import type { CustomerVipView, SlaSettingsView } from '../../../../shared/api/alerts-api';
import type { CommandResult } from '../../../../shared/api/define';
import type { SlaPolicy } from '../../../../shared/domain/sla-policy';
import { api, errorMessage } from '../../api/client';

export interface SlaSettingsState {
  view: SlaSettingsView | null;
  found: CustomerVipView[];
  /** The last save's answer: null, 'saved', or the refusal's message. */
  message: { ok: boolean; text: string } | null;
}

export const useSlaSettingsStore = create<SlaSettingsState>(() => ({ view: null, found: [], message: null }));

export async function loadSlaSettings(): Promise<void> {
  try {
    useSlaSettingsStore.setState({ view: await api().slaSettings() });
  } catch (err) {
    useSlaSettingsStore.setState({ message: { ok: false, text: errorMessage(err) } });
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
