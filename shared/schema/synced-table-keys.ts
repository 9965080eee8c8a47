// The names the sync protocol gives synced tables (their SQL names). Kept free of drizzle so
// the protocol schemas (and the renderer) can name tables without loading table declarations;
// `SYNCED_TABLES` in ./index.ts maps each key to its drizzle table and the compiler checks both.
export const SYNCED_TABLE_KEYS = [
  'orders',
  'order_events',
  'drivers',
  'warehouses',
  'customers',
  'regions',
  'users',
  'carriers',
  'carrier_vehicles',
  'carrier_lanes',
  'carrier_offers',
  'carrier_deals',
  'alerts',
  'sla_policies',
  'delivery_proof_rules',
  'delivery_proofs',
  'delivery_codes',
  'speed_profiles',
  'tracking_links',
  'message_rules',
  'message_settings',
  'customer_prefs',
  'staff_notify_prefs',
  'messages',
  'checklist_policies',
  'daily_summary_settings',
] as const;
export type SyncedTableKey = (typeof SYNCED_TABLE_KEYS)[number];
