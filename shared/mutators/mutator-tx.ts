// The contract every mutator runs against, on both sides: the server runs it for real
// (authoritative) and the desktop runs the same code on its replica (optimistic). Each side
// implements MutatorTx over its own database; the server's `put` also writes the change log.
import type { Actor, UserRole } from '../domain/vocabulary';
import type { OrderRow, SyncedRow, SyncedTableKey } from '../schema';

/**
 * Reads and writes of one mutation, inside the caller's transaction (or savepoint).
 * Synchronous: both sides use better-sqlite3, and a mutator never waits on I/O.
 */
export interface MutatorTx {
  get<K extends SyncedTableKey>(table: K, id: string): SyncedRow<K> | undefined;
  /** Inserts or replaces the whole row (keyed by `row.id`). */
  put<K extends SyncedTableKey>(table: K, row: SyncedRow<K>): void;
  /** Deletes the row if it exists (the change log records a deletion). */
  delete(table: SyncedTableKey, id: string): void;
  findOrderByNumber(number: string): OrderRow | undefined;
  /**
   * A number for a new order when the caller gave none. The server's is final; the client's
   * may be provisional (the confirmed row brings the real one, under the same order id).
   */
  allocateOrderNumber(): string;
}

/** Who makes the change: a desktop user (role set), or a machine (phone, GPS, courier webhook). */
export interface MutationActor {
  /** User id, device id or provider name. */
  id: string;
  /** Shown on the timeline: "Dispatcher Aigerim", "CDEK". */
  name: string;
  /** The actor of the status machine; for users derived from the role (see actorForRole). */
  actor: Actor;
  role: UserRole | null;
}

export interface MutatorContext {
  actor: MutationActor;
  /** When the change happened (the user's action time): event times use it. */
  at: number;
  /** The executing side's clock (ms): `updatedAt` uses it. */
  now: number;
  /** Deterministic per (clientId, mid, n), so client and server mint the same ids. */
  newId(): string;
}

/** A desktop user's role is also their actor in the status machine. */
export function actorForRole(role: UserRole): Actor {
  return role;
}

/** Ids for the rows one mutation creates: `${clientId}:${mid}:${n}`, same on both sides. */
export function mutationIdFactory(clientId: string, mid: number): () => string {
  let n = 0;
  return () => `${clientId}:${mid}:${n++}`;
}

export interface BusinessErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * A business rejection: the mutation is not applied (the caller rolls its writes back) and the
 * reason goes to the user. Thrown by mutators; runMutator turns it into a 'rejected' outcome.
 */
export class MutationRejection extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'MutationRejection';
    this.code = code;
    this.details = details;
  }

  toBody(): BusinessErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function reject(code: string, message: string, details?: Record<string, unknown>): never {
  throw new MutationRejection(code, message, details);
}

export type MutationOutcome = { result: 'applied' } | { result: 'rejected'; error: BusinessErrorBody };
