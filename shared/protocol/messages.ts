/*
 * The Marshrut sync protocol (WebSocket `/sync`, one JSON object per text frame).
 *
 * Model: Replicache's server-authoritative mutators with client rebase, and Linear-style
 * global sequence numbers. Not a CRDT: the server runs every mutation for real and decides.
 *
 * Connection:
 *   client -> hello {protocolVersion, schemaVersion, clientId, cursor, lastAckedMid, epoch?, historyDays?}
 *   server -> welcome {serverId, epoch, protocolVersion, schemaVersion, headSeq, lastMid, user}
 *             (or error version_mismatch, then close 4002; the client keeps its outbox)
 *   server -> [snapshot-begin]          only when `cursor` can't be continued: older than the
 *                                       compacted log, ahead of the head, or of another epoch;
 *                                       or cursor 0 with historyDays (protocol 3: a windowed
 *                                       snapshot, see ./sync-window.ts)
 *   server -> changes {rows, cursor}*   rows changed after `cursor`, ~1,000 per frame,
 *                                       latest state of each row, ascending seq
 *   server -> caught-up {cursor}
 *   then live: changes frames (one per committed batch, any client's), acks, positions.
 *
 * Change log: every committed change to a row takes the next global `seq`; only the latest
 * seq of each row is kept. A client's `cursor` is the highest seq it has applied; the
 * `cursor` of a frame is the seq to store once the frame is applied (in the same
 * transaction). `row: null` means the row was deleted.
 *
 * Mutations: `push {mutations: [{mid, name, args, at}]}`. `mid` is per clientId and goes up
 * by one. The server runs `mid` only if it is lastMid + 1, in one transaction with its
 * change-log rows and the new lastMid; a `mid <= lastMid` is acknowledged again with the
 * stored result and not re-run (exactly once); a gap answers `error mid_gap {expectedMid}`
 * and the client resends from expectedMid. A part of a multi-part import is acknowledged 'held':
 * the server keeps it and applies all parts in one transaction when the last arrives.
 * A business rejection (ack result 'rejected')
 * still advances lastMid. `at` is when the user did it (client clock): it becomes the event
 * time in order_events; server order (not `at`) decides last-writer-wins.
 * Ordering guarantee: pushes are handled only after the session is caught up (a push sent
 * during catch-up waits), and for a committed push batch the pushing client first receives
 * the `changes` frame(s) holding the batch's rows, then the `ack`s of the batch, in mid order.
 * `ack.cursor` is the head seq once that mutation committed: its effects are in every
 * replica whose cursor >= ack.cursor.
 *
 * Ids: mutators make new row ids with ctx.newId(), deterministic from (clientId, mid, n),
 * so the optimistic row on the client and the server's row share one id. The clientId enters
 * them only hashed (mutationRowId): rows reach every user, a clientId must not.
 *
 * Ownership: a clientId belongs to the user who first said hello with it. A hello from any
 * other user is answered `error client_id_taken` and closed with 4004; the desktop takes a
 * new clientId for its pending rows. Every ack carries the digest of the mutation the server
 * ran under that mid (mutationDigest); the desktop drops an outbox row only when it matches.
 *
 * Errors: `error {code, message}` answers protocol faults (bad_json, bad_message,
 * unknown_type, too_large, mid_gap, not_ready) and leaves the connection open; after
 * version_mismatch, unauthorized, client_id_taken or internal the server closes the socket. An HTTP/WS
 * request without a valid token never gets this far: the upgrade is refused with 401.
 *
 * Flow limits: catch-up is sent page by page, each page handed to the network before the
 * next is read; a reader that does not take a page in time, or a live reader too far behind,
 * is closed with 4005 (slow reader: reconnect and resume from the cursor). A user holding the
 * most connections the server allows gets the next one closed with 4006 at once.
 */
import { z } from 'zod';
import { SYNCED_TABLE_KEYS } from '../schema/synced-table-keys';
import { USER_ROLES } from '../domain/vocabulary';
import { historyDaysSchema } from './sync-window';

const seq = z.number().int().nonnegative();
const mid = z.number().int().positive();
/** Unix milliseconds. */
const epochMs = z.number().int().nonnegative();

// ---------- client -> server ----------

export const helloSchema = z.object({
  type: z.literal('hello'),
  protocolVersion: z.number().int(),
  schemaVersion: z.number().int(),
  /** Minted once per replica file; a restored backup mints a new one. */
  clientId: z.string().min(1).max(128),
  /** Highest seq applied to the replica; 0 for an empty replica. */
  cursor: seq,
  /** Highest mid the client has seen acknowledged (informational; the server's lastMid rules). */
  lastAckedMid: z.number().int().nonnegative(),
  /** The server epoch `cursor` counts in (from the welcome of the last completed catch-up); none on a fresh replica. */
  epoch: z.string().min(1).max(64).optional(),
  /**
   * Protocol 3: the history this desktop keeps, in days (./sync-window.ts; never less than
   * the reports' local days). A snapshot then holds open orders, orders created or changed
   * in the window and every row they need; older orders are fetched on demand over REST.
   * Absent (every protocol-2 desktop): the whole history, as before.
   */
  historyDays: historyDaysSchema.optional(),
});

export const mutationSchema = z.object({
  mid,
  /** A key of MUTATORS (shared/mutators); args are validated by that mutator's schema. */
  name: z.string().min(1).max(64),
  args: z.unknown(),
  /** When the user did it, client clock (ms): the event time of what it records. */
  at: epochMs,
});

export const pushSchema = z.object({
  type: z.literal('push'),
  mutations: z.array(mutationSchema).min(1).max(1000),
});

export const pingSchema = z.object({
  type: z.literal('ping'),
  /** Echoed back in pong, for round-trip measurement. */
  t: z.number().optional(),
});

export const clientMessageSchema = z.discriminatedUnion('type', [helloSchema, pushSchema, pingSchema]);

// ---------- server -> client ----------

export const sessionUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
});

export const welcomeSchema = z.object({
  type: z.literal('welcome'),
  serverId: z.string(),
  /**
   * The history the server's seqs and mids count in. A restore from a backup starts a new
   * one: a client whose `hello.epoch` differs gets a snapshot (reason 'restored'), since its
   * cursor names changes of another history even when it is below headSeq.
   */
  epoch: z.string(),
  protocolVersion: z.number().int(),
  schemaVersion: z.number().int(),
  headSeq: seq,
  /** The server's lastMid for this clientId: outbox entries <= lastMid are already applied. */
  lastMid: z.number().int().nonnegative(),
  user: sessionUserSchema,
});

export const changeRowSchema = z.object({
  seq,
  table: z.enum(SYNCED_TABLE_KEYS),
  id: z.string(),
  /** The row in drizzle's select shape (camelCase) of SYNCED_TABLES[table]; null = deleted. */
  row: z.record(z.string(), z.unknown()).nullable(),
});

export const changesSchema = z.object({
  type: z.literal('changes'),
  rows: z.array(changeRowSchema),
  /** Store this as the replica's cursor once the frame is applied. */
  cursor: seq,
});

/**
 * The client's cursor can't be continued: older than the compacted log ('compacted'), ahead
 * of the server's head ('cursor_ahead'), or counted in another epoch ('restored': the database
 * was restored from a backup); or a desktop with a sync window starts from nothing ('window':
 * the cursor moves only at caught-up, so an interrupted windowed first sync starts again
 * windowed instead of resuming into the whole history). The
 * changes frames up to the next `caught-up` are the complete state; confirmed rows not
 * among them no longer exist. (A client at cursor 0 gets the same frames without this.)
 */
export const snapshotBeginSchema = z.object({
  type: z.literal('snapshot-begin'),
  reason: z.enum(['compacted', 'cursor_ahead', 'restored', 'window']),
  headSeq: seq,
});

export const caughtUpSchema = z.object({
  type: z.literal('caught-up'),
  cursor: seq,
});

export const businessErrorSchema = z.object({
  /** Machine code: 'assign_conflict', 'forbidden', 'invalid_transition', 'not_found', 'bad_args', ... */
  code: z.string(),
  /** A sentence a dispatcher understands. */
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const ackSchema = z.object({
  type: z.literal('ack'),
  mid,
  /**
   * 'held' (protocol 4): a part of a multi-part import, kept by the server and NOT applied yet
   * (shared/order-import/import-batch.ts). The desktop keeps it pending until the import's last
   * part is acknowledged 'applied' (all parts went in) or any part 'rejected' (none did).
   */
  result: z.enum(['applied', 'rejected', 'held']),
  error: businessErrorSchema.optional(),
  /** Head seq after this mutation committed (its rows are included once cursor >= this). */
  cursor: seq,
  /**
   * mutationDigest of what the server ran under this mid. Absent only on a re-ack of a mid
   * so old that its digest was pruned. The desktop drops its outbox row only on a match.
   */
  digest: z.string().max(64).optional(),
});

export const PROTOCOL_ERROR_CODES = [
  'bad_json',
  'bad_message',
  'unknown_type',
  'too_large',
  'version_mismatch',
  'mid_gap',
  'not_ready',
  'unauthorized',
  'forbidden',
  'client_id_taken',
  'internal',
] as const;
export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number];

export const protocolErrorSchema = z.object({
  type: z.literal('error'),
  code: z.enum(PROTOCOL_ERROR_CODES),
  message: z.string(),
  /** With mid_gap: resend from this mid. */
  expectedMid: mid.optional(),
  /** With version_mismatch: what the server speaks. */
  protocolVersion: z.number().int().optional(),
  schemaVersion: z.number().int().optional(),
});

export const driverPositionSchema = z.object({
  driverId: z.string(),
  lat: z.number(),
  lon: z.number(),
  headingDeg: z.number().nullable(),
  speedKmh: z.number().nullable(),
  accuracyM: z.number().nullable(),
  battery: z.number().nullable(),
  charging: z.boolean().nullable(),
  /** When the phone took the fix (ms). */
  fixAt: epochMs,
  /** True when the last fix is too old: the marker shows "no signal". */
  noSignal: z.boolean(),
});

/** Latest positions, about once a second; not part of the change log (no seq, no cursor). */
export const positionsSchema = z.object({
  type: z.literal('positions'),
  drivers: z.array(driverPositionSchema),
});

export const pongSchema = z.object({
  type: z.literal('pong'),
  t: z.number().optional(),
  /** Server clock (ms), for display of skew only. */
  serverTime: z.number(),
});

export const serverMessageSchema = z.discriminatedUnion('type', [
  welcomeSchema,
  changesSchema,
  snapshotBeginSchema,
  caughtUpSchema,
  ackSchema,
  protocolErrorSchema,
  positionsSchema,
  pongSchema,
]);

export type Hello = z.infer<typeof helloSchema>;
export type Mutation = z.infer<typeof mutationSchema>;
export type Push = z.infer<typeof pushSchema>;
export type Ping = z.infer<typeof pingSchema>;
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type SessionUser = z.infer<typeof sessionUserSchema>;
export type Welcome = z.infer<typeof welcomeSchema>;
export type ChangeRow = z.infer<typeof changeRowSchema>;
export type Changes = z.infer<typeof changesSchema>;
export type SnapshotBegin = z.infer<typeof snapshotBeginSchema>;
export type CaughtUp = z.infer<typeof caughtUpSchema>;
export type BusinessError = z.infer<typeof businessErrorSchema>;
export type Ack = z.infer<typeof ackSchema>;
export type ProtocolError = z.infer<typeof protocolErrorSchema>;
export type DriverPosition = z.infer<typeof driverPositionSchema>;
export type Positions = z.infer<typeof positionsSchema>;
export type Pong = z.infer<typeof pongSchema>;
export type ServerMessage = z.infer<typeof serverMessageSchema>;
