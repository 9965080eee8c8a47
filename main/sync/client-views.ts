// The sync client's state as the console shows it: the status bar's ConnectionView, a local
// refusal as the CommandResult every command answers, a conflict with its order's number.
import type { ApiErrorCode, CommandResult } from '../../shared/api/define';
import type { ConflictView, ConnectionView } from '../../shared/api/session-api';
import type { MutationRejection } from '../../shared/mutators/mutator-tx';
import type { SyncConflict } from './conflicts-store';

export type SyncConnectionState = 'online' | 'offline' | 'catching_up' | 'incompatible' | 'unauthorized';

export interface SyncState {
  connection: SyncConnectionState;
  /** Mutations applied locally and not yet acknowledged by the server. */
  pendingCount: number;
  /** When a server frame was last applied (ms), or null if never in this session. */
  lastSyncAt: number | null;
  lastError: string | null;
  /** Rejected mutations the user has not acknowledged yet. */
  conflictCount: number;
  /** The identity new mutations are sent under (diagnostics). */
  clientId: string;
}

export function toConnectionView(s: SyncState, serverUrl: string): ConnectionView {
  const status = s.connection === 'online' || s.connection === 'catching_up' ? s.connection : 'offline';
  let error = s.lastError;
  if (s.connection === 'unauthorized') error = `The server refused the token${error ? `: ${error}` : ''}`;
  if (s.connection === 'incompatible') error = `The server runs an incompatible version${error ? `: ${error}` : ''}`;
  return { status, pending: s.pendingCount, lastSyncAt: s.lastSyncAt, serverUrl, error: status === 'online' ? null : error };
}

/** Business codes from the mutators, as the API's codes; the mutator's own stays in details.code. */
function apiCode(code: string): ApiErrorCode {
  if (code === 'forbidden' || code === 'not_found' || code === 'unauthorized') return code;
  if (code === 'assign_conflict' || code === 'conflict') return 'conflict';
  if (code === 'bad_args' || code === 'invalid_request') return 'invalid_request';
  return 'invalid_transition';
}

/** A mutator's refusal, in the one shape every command answers with. */
export function refusal(err: MutationRejection): CommandResult & { ok: false } {
  return { ok: false, code: apiCode(err.code), message: err.message, details: { ...err.details, code: err.code } };
}

export function toConflictView(c: SyncConflict, numberOf: (orderId: string) => string | null): ConflictView {
  const args = c.args as { orderId?: unknown } | null;
  const orderId = typeof args?.orderId === 'string' ? args.orderId : null;
  return { id: c.id, mid: c.mid, name: c.name, orderId, orderNumber: orderId === null ? null : numberOf(orderId), code: c.code, field: c.field, message: c.message, at: c.at };
}
