/*
 * How the contract travels. Either host wraps every answer in a Reply, so an error crosses
 * IPC or the socket as data (code + message) instead of Electron's "Error invoking remote
 * method" string.
 *
 * Electron IPC: ipcRenderer.invoke(methodChannel(name), args) -> Reply;
 *               events arrive on eventChannel(name) with the payload.
 * Browser host, WebSocket `/api` (JSON text frames):
 *   browser -> {type:'call', id, method, args}
 *   host    -> {type:'reply', id, reply}          one per call, any order
 *   host    -> {type:'event', event, payload}     every subscription event (the host sends all)
 */
import { z } from 'zod';
import type { ApiErrorBody } from './define';

export const API_SOCKET_PATH = '/api';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export function methodChannel(name: string): string {
  return `marshrut:call:${name}`;
}
export function eventChannel(name: string): string {
  return `marshrut:event:${name}`;
}

export const callFrameSchema = z
  .object({
    type: z.literal('call'),
    id: z.number().int().nonnegative(),
    method: z.string().min(1).max(64),
    /** Absent for methods called without arguments (JSON drops `undefined`). */
    args: z.unknown().optional(),
  })
  .strict();
export type CallFrame = z.infer<typeof callFrameSchema>;

export interface ReplyFrame {
  type: 'reply';
  id: number;
  reply: Reply<unknown>;
}
export interface EventFrame {
  type: 'event';
  event: string;
  payload: unknown;
}
export type HostFrame = ReplyFrame | EventFrame;

const apiErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() });

/** The browser checks what the host sends too: a socket is a process boundary. */
export const hostFrameSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('reply'),
    id: z.number().int(),
    reply: z.union([
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: apiErrorSchema }),
    ]),
  }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
