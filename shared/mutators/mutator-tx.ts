// The contract every mutator runs against, on both sides: the server runs it for real
// (authoritative) and the desktop runs the same code on its replica (optimistic). Each side
// implements MutatorTx over its own database; the server's `put` also writes the change log.
import type { Actor, UserRole } from '../domain/vocabulary';
import type { OrderRow, SyncedRow, SyncedTableKey } from '../schema';
import { sha256Hex } from '../crypto/sha256';

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
  /** The order a source (an integration's user id, or the file import) sent under its own number. */
  findOrderByExternalId(source: string, externalId: string): OrderRow | undefined;
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

/**
 * The part of new row ids that stands for the client: a hash of the clientId, never the
 * clientId itself. Every user receives synced rows, and a clientId was enough to say hello
 * as that desktop; the hash names the desktop without handing out its identity. Not cached:
 * one hash is a few microseconds, next to the savepoint every mutation runs in.
 */
function clientRowPrefix(clientId: string): string {
  return `c${sha256Hex(`marshrut-row-ids\n${clientId}`).slice(0, 24)}`;
}

/** Id of the n-th row mutation `mid` of `clientId` creates: the same on both sides. */
export function mutationRowId(clientId: string, mid: number, n: number): string {
  return `${clientRowPrefix(clientId)}:${mid}:${n}`;
}

/** Ids for the rows one mutation creates, in order (see mutationRowId). */
export function mutationIdFactory(clientId: string, mid: number): () => string {
  const prefix = clientRowPrefix(clientId);
  let n = 0;
  return () => `${prefix}:${mid}:${n++}`;
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

/**
 * The field a refusal names (`details.field`: "windowEnd", "kinds.2", "regionId"), or null. Every
 * reader of a refusal (the console's words for it, the conflicts list) takes it from here.
 */
export function refusedField(error: BusinessErrorBody | undefined): string | null {
  const field = error?.details?.['field'];
  return typeof field === 'string' && field.length > 0 ? field.slice(0, 200) : null;
}

export function reject(code: string, message: string, details?: Record<string, unknown>): never {
  throw new MutationRejection(code, message, details);
}

export type MutationOutcome = { result: 'applied' } | { result: 'rejected'; error: BusinessErrorBody };
