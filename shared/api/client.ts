// Builds the renderer's API object from the contract given a way to call and a way to listen.
// The preload (IPC) and the browser transport (WebSocket) both use it, so the object is the
// same in either host and no method name is spelled out by hand.
import { API_METHODS, METHOD_NAMES } from './contract';
import type { ApiErrorCode, ApiErrorBody } from './define';
import type { EventName, EventPayload } from './events';
import type { MarshrutApi, MethodName } from './contract';
import type { Reply } from './wire';

/** A failed call (bad arguments, not found, host gone...). Commands' business refusals are results, not throws. */
export class ApiError extends Error {
  readonly code: ApiErrorCode | string;
  readonly details: Record<string, unknown> | undefined;
  constructor(body: ApiErrorBody | { code: string; message: string; details?: Record<string, unknown> }) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.details = body.details;
  }
}

export interface ApiTransport {
  call(method: MethodName, args: unknown): Promise<Reply<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export function buildApiClient(transport: ApiTransport): MarshrutApi {
  const api: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) {
    api[name] = async (args?: unknown) => {
      const reply = await transport.call(name, args);
      if (!reply.ok) throw new ApiError(reply.error);
      return reply.value;
    };
  }
  api.on = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) =>
    transport.subscribe(event, listener as (payload: unknown) => void);
  return api as MarshrutApi;
}

/** Whether a method is a command (answers CommandResult) or a query. */
export function methodKind(name: MethodName): 'query' | 'command' {
  return API_METHODS[name].kind;
}
