// The synced tables, in one map: the sync protocol names rows by these table keys.
import { carrierDeals, carrierLanes, carrierOffers, carriers, carrierVehicles } from './carriers';
import { customers, drivers, regions, users, warehouses } from './fleet';
import { orderEvents, orders } from './orders';
import { alerts } from './alerts';
import { slaPolicies } from './sla-config';
import { deliveryCodes, deliveryProofRules, deliveryProofs } from './delivery';
import { customerPrefs, dailySummarySettings, messageRules, messages, messageSettings, speedProfiles, staffNotifyPrefs, trackingLinks } from './messages';
import { checklistPolicies } from './order-intake';
import type { SyncedTableKey } from './synced-table-keys';

export * from './orders';
export * from './fleet';
export * from './carriers';
export * from './synced-table-keys';
export * from './alerts';
export * from './sla-config';
export * from './delivery';
export * from './messages';
export * from './order-intake';

/**
 * Every table that server and replica both hold, by its protocol key (= its SQL name).
 * Every one has a text primary key `id`; a `changes` frame carries rows in drizzle's
 * select shape (camelCase properties) of these tables.
 */
export const SYNCED_TABLES = {
  orders,
  order_events: orderEvents,
  drivers,
  warehouses,
  customers,
  regions,
  users,
  carriers,
  carrier_vehicles: carrierVehicles,
  carrier_lanes: carrierLanes,
  carrier_offers: carrierOffers,
  carrier_deals: carrierDeals,
  alerts,
  sla_policies: slaPolicies,
  delivery_proof_rules: deliveryProofRules,
  delivery_proofs: deliveryProofs,
  delivery_codes: deliveryCodes,
  speed_profiles: speedProfiles,
  tracking_links: trackingLinks,
  message_rules: messageRules,
  message_settings: messageSettings,
  customer_prefs: customerPrefs,
  staff_notify_prefs: staffNotifyPrefs,
  messages,
  checklist_policies: checklistPolicies,
  daily_summary_settings: dailySummarySettings,
} satisfies Record<SyncedTableKey, unknown>;
export type SyncedTables = typeof SYNCED_TABLES;
/** The row type of a synced table, as drizzle selects it. */
export type SyncedRow<K extends SyncedTableKey> = SyncedTables[K]['$inferSelect'];
