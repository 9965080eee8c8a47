// Versions and limits both ends agree on. Bump PROTOCOL_VERSION when a message changes
// incompatibly; bump SCHEMA_VERSION when a synced table's shape changes (a new column,
// a new synced table), since an older replica could not store the rows.
export const PROTOCOL_VERSION = 4; // 2: row ids hide clientIds, acks carry a digest, clientIds have an owner; 3: hello.historyDays (the sync window); 4: ack 'held' (multi-part imports)
/**
 * The oldest protocol the server still serves: a protocol-2 desktop differs only in sending
 * no historyDays, and gets the whole history as it always did; a protocol-2/3 desktop sends no
 * import batches, so it is never answered 'held'.
 */
export const OLDEST_PROTOCOL_VERSION = 2;
export const SCHEMA_VERSION = 6; // 2: alerts, sla_policies (issue 7); 3: delivery proofs (issue 18); 4: speeds, tracking links, messages (issue 15); 5: order intake columns, checklist_policies (issue 14); 6: daily_summary_settings (issue 17)

/** Largest text frame either side accepts; larger ones are answered with too_large. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;
/** Most rows in one `changes` frame (a catch-up's frames are often smaller: server/sync/catch-up-pacer.ts). */
export const CHANGES_FRAME_ROWS = 1000;
/** Most mutations in one push message. */
export const MAX_PUSH_MUTATIONS = 1000;

/** WebSocket close codes the server uses (4000-4999 is the application range). */
export const CLOSE_CODES = {
  unauthorized: 4001,
  versionMismatch: 4002,
  internal: 4003,
  /** The clientId belongs to another user: the desktop takes a new one. */
  clientIdTaken: 4004,
  /** The reader fell too far behind (a catch-up page did not drain in time, or live frames piled up); reconnect later. */
  slowReader: 4005,
  /** The user already holds the most sync connections the server allows (--max-connections-per-user). */
  tooManyConnections: 4006,
  serverShutdown: 1001,
} as const;

/** The WebSocket path on the server's HTTP port. */
export const SYNC_PATH = '/sync';
