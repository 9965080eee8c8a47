// What to refetch when main says rows changed. Events carry table names and row ids; each
// view refetches only if its tables changed, after a delay that matches how urgent it is
// (the queue at once, the map's 20k points and 2k drivers at most every second or two).
import type { ChangesEvent } from '../../../shared/api/events';

export type RefreshTarget = 'orders' | 'problems' | 'points' | 'drivers' | 'card' | 'warehouses' | 'session' | 'alerts' | 'pickList' | 'carriers' | 'slaSettings' | 'myNotify' | 'dailySummary' | 'proofs' | 'customerMessages';

export const REFRESH_DELAY_MS: Readonly<Record<RefreshTarget, number>> = {
  orders: 100,
  card: 100,
  proofs: 100,
  problems: 300,
  alerts: 250,
  pickList: 300,
  carriers: 400,
  slaSettings: 300,
  myNotify: 300,
  customerMessages: 300,
  dailySummary: 300,
  session: 300,
  warehouses: 1000,
  points: 1000,
  drivers: 2000,
};

/** Every view's refresh: after the host came back, or when main says everything changed. */
export const ALL_REFRESH_TARGETS = Object.keys(REFRESH_DELAY_MS) as RefreshTarget[];

const PROOF_TABLES = ['delivery_proofs', 'delivery_codes', 'delivery_proof_rules'] as const;
const CARRIER_TABLES = ['carriers', 'carrier_vehicles', 'carrier_lanes', 'carrier_offers', 'carrier_deals'] as const;
/** The SLA rules tab: policies, region calendars, VIP customers, warehouses' start-of-day checks, proof and checklist rules. */
const SLA_SETTINGS_TABLES = ['sla_policies', 'regions', 'customers', 'warehouses', 'delivery_proof_rules', 'checklist_policies'] as const;

export function planRefresh(e: ChangesEvent, openOrderId: string | null): Set<RefreshTarget> {
  const out = new Set<RefreshTarget>();
  if (e.all) return new Set(ALL_REFRESH_TARGETS);
  const tables = new Set(e.tables);
  if (tables.has('orders')) {
    out.add('orders').add('problems').add('points').add('drivers').add('pickList'); // drivers: their load counts
    if (openOrderId && (e.ids.orders ?? []).includes(openOrderId)) out.add('card');
  }
  // Event rows have their own ids, not the order's: any timeline change may be the open card's.
  if (tables.has('order_events') && openOrderId) out.add('card');
  if (tables.has('drivers')) {
    out.add('drivers').add('orders'); // the queue shows driver names
    if (openOrderId) out.add('card');
  }
  // The card's "Customer messages" (a save here, another console's, or an opt-out from the tracking page).
  if ((tables.has('customers') || tables.has('customer_prefs')) && openOrderId) out.add('card');
  // The card's proof section: rows carry their own ids, so any proof change may be the open order's.
  if (PROOF_TABLES.some((t) => tables.has(t)) && openOrderId) out.add('proofs');
  if (tables.has('warehouses')) out.add('warehouses');
  if (tables.has('alerts')) out.add('alerts');
  if (CARRIER_TABLES.some((t) => tables.has(t))) out.add('carriers');
  if (SLA_SETTINGS_TABLES.some((t) => tables.has(t))) out.add('slaSettings');
  if (tables.has('users')) out.add('session');
  // Settings: my notifications (users: my role decides whether I may set them); the daily
  // summary lists each recipient with the e-mail of their own notifications.
  if (tables.has('staff_notify_prefs') || tables.has('users')) out.add('myNotify').add('dailySummary');
  if (tables.has('daily_summary_settings')) out.add('dailySummary');
  if (tables.has('message_rules') || tables.has('message_settings')) out.add('customerMessages');
  // The countdowns' policies and region calendars travel in the session; an admin's edit
  // recolours them and moves the at-risk counts and the problem queue.
  if (tables.has('sla_policies') || tables.has('regions')) {
    out.add('session').add('orders').add('problems');
    if (openOrderId) out.add('card');
  }
  return out;
}

/** Runs each target at most once per its delay window, however many events arrive. */
export function createRefreshScheduler(run: (target: RefreshTarget) => void) {
  const timers = new Map<RefreshTarget, ReturnType<typeof setTimeout>>();
  return {
    schedule(targets: Iterable<RefreshTarget>): void {
      for (const target of targets) {
        if (timers.has(target)) continue;
        timers.set(
          target,
          setTimeout(() => {
            timers.delete(target);
            run(target);
          }, REFRESH_DELAY_MS[target]),
        );
      }
    },
    cancel(): void {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
