// Parsing of wire text into typed messages. Never throws: a bad frame is a value the caller
// answers with a protocol error, so one bad frame cannot take a connection (or a server) down.
import { z } from 'zod';
import { clientMessageSchema, serverMessageSchema, type ClientMessage, type ServerMessage } from './messages';
import { MAX_MESSAGE_BYTES } from './versions';

export type ParseFailureCode = 'bad_json' | 'bad_message' | 'unknown_type' | 'too_large';
export type ParseResult<T> = { ok: true; message: T } | { ok: false; code: ParseFailureCode; message: string };

const CLIENT_TYPES = ['hello', 'push', 'ping'] as const;
const SERVER_TYPES = ['welcome', 'changes', 'snapshot-begin', 'caught-up', 'ack', 'error', 'positions', 'pong'] as const;

/** Parses a client -> server frame. `maxBytes` bounds the UTF-8 size (default 1 MiB). */
export function parseClientMessage(text: string, maxBytes: number = MAX_MESSAGE_BYTES): ParseResult<ClientMessage> {
  return parseWith(text, maxBytes, CLIENT_TYPES, clientMessageSchema);
}

/** Parses a server -> client frame. */
export function parseServerMessage(text: string, maxBytes: number = 64 * MAX_MESSAGE_BYTES): ParseResult<ServerMessage> {
  return parseWith(text, maxBytes, SERVER_TYPES, serverMessageSchema);
}

function parseWith<T>(
  text: string,
  maxBytes: number,
  knownTypes: readonly string[],
  schema: z.ZodType<T>,
): ParseResult<T> {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: only measure exactly when it could matter.
  if (text.length * 3 > maxBytes && utf8Length(text) > maxBytes) {
    return { ok: false, code: 'too_large', message: `message is larger than ${maxBytes} bytes` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, code: 'bad_json', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, code: 'bad_message', message: 'a message must be a JSON object with a "type"' };
  }
  const type: unknown = (value as Record<string, unknown>)['type'];
  if (typeof type !== 'string') {
    return { ok: false, code: 'bad_message', message: 'a message must have a string "type"' };
  }
  if (!knownTypes.includes(type)) {
    return { ok: false, code: 'unknown_type', message: `unknown message type "${type.slice(0, 64)}"` };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, code: 'bad_message', message: `invalid "${type}" message: ${summarize(parsed.error)}` };
  }
  return { ok: true, message: parsed.data };
}

/** First few zod issues as "path: message" (a full prettified tree can be huge for a big push). */
export function summarize(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Serializes a message; typed so only protocol messages go on the wire. */
export function encodeMessage(message: ClientMessage | ServerMessage): string {
  return JSON.stringify(message);
}
