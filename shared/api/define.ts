// The building blocks of the renderer <-> main contract: a method is a zod request schema plus
// a response type; a command's response is always a CommandResult. Main validates every call
// with the request schema; responses come from main and are trusted by type.
import { z } from 'zod';

export interface MethodSpec<Req extends z.ZodType, Res> {
  readonly kind: 'query' | 'command';
  readonly request: Req;
  /** Phantom: carries the response type only, never set at run time. */
  readonly __response?: Res;
}

/** A read: `query<Response>()(requestSchema)` (curried so the request type is inferred). */
export function query<Res>() {
  return <Req extends z.ZodType>(request: Req): MethodSpec<Req, Res> => ({ kind: 'query', request });
}

/** A write that becomes a sync mutation (or a local setting): answers `CommandResult`. */
export function command<Req extends z.ZodType>(request: Req): MethodSpec<Req, CommandResult> {
  return { kind: 'command', request };
}

/**
 * A write that answers more than a CommandResult (say the id of the row it made): the success
 * case carries extra fields, refusals are the same ApiErrorBody.
 */
export function commandReturning<Extra extends Record<string, unknown>>() {
  return <Req extends z.ZodType>(request: Req): MethodSpec<Req, CommandResultWith<Extra>> => ({ kind: 'command', request });
}

/** For methods without arguments: `{}` or nothing at all. */
export const noArgs = z.object({}).strict().optional();

export const idSchema = z.string().min(1).max(128);
/** Unix milliseconds. */
export const epochMsSchema = z.number().int().nonnegative();

/**
 * Why a call failed. 'invalid_request' = the arguments failed the schema (nothing changed);
 * 'forbidden' = this user's role may not do it; 'not_found'; 'conflict' = the row changed
 * since it was seen (compare-and-set); 'unavailable' = e.g. no server configured; 'internal'.
 */
export const API_ERROR_CODES = [
  'invalid_request',
  'unknown_method',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_transition',
  'unavailable',
  'unauthorized',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  /** A sentence a dispatcher understands. */
  message: string;
  details?: Record<string, unknown>;
}

/**
 * A command either made a local optimistic change queued as mutation `mid` (it is pending
 * until the server acks; a later rejection arrives as a conflict), or changed nothing.
 * `mid` is null for commands that are not sync mutations (settings, acknowledging a conflict).
 */
export type CommandResult = { ok: true; mid: number | null } | ({ ok: false } & ApiErrorBody);

export type CommandResultWith<Extra> = ({ ok: true; mid: number | null } & Extra) | ({ ok: false } & ApiErrorBody);

// Helpers that read a spec's types.
export type AnyMethodSpec = MethodSpec<z.ZodType, unknown>;
export type RequestOf<M> = M extends MethodSpec<infer Req, unknown> ? z.input<Req> : never;
export type ParsedRequestOf<M> = M extends MethodSpec<infer Req, unknown> ? z.output<Req> : never;
export type ResponseOf<M> = M extends MethodSpec<z.ZodType, infer Res> ? Res : never;
