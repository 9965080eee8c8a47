// The synced tables, in one map: the sync protocol names rows by these table keys.
export * from './orders';
export * from './fleet';
export * from './carriers';
