// Parsing server frames on the client. Every frame goes through a zod schema; `changes`
// frames (up to ~1,000 rows of 40 columns) use an envelope schema whose rows are checked as
// plain objects here and column by column against their table in apply-frames (validateRow),
// which is stricter than the protocol's generic record and costs a tenth as much: the
// generic record schema was most of a catch-up's CPU time.
import { z } from 'zod';
import { parseServerMessage, summarize, type Changes, type ParseResult, type ServerMessage } from '../../shared/protocol';
import { SYNCED_TABLE_KEYS } from '../../shared/schema';

const plainObject = z.custom<Record<string, unknown>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  'a row must be an object',
);

const changesEnvelope = z.object({
  type: z.literal('changes'),
  cursor: z.number().int().nonnegative(),
  rows: z.array(
    z.object({
      seq: z.number().int().nonnegative(),
      table: z.enum(SYNCED_TABLE_KEYS),
      id: z.string(),
      row: plainObject.nullable(),
    }),
  ),
}) satisfies z.ZodType<Changes>;

/** Frames above this are refused (a catch-up frame is ~1,000 rows, well under it). */
export const MAX_INBOUND_CHARS = 64 * 1024 * 1024;

export function parseInbound(text: string): ParseResult<ServerMessage> {
  if (text.length > MAX_INBOUND_CHARS) return { ok: false, code: 'too_large', message: `frame of ${text.length} characters` };
  // Cheap sniff: only a frame that claims to be `changes` takes the fast path.
  if (!text.startsWith('{"type":"changes"')) return parseServerMessage(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, code: 'bad_json', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const parsed = changesEnvelope.safeParse(value);
  if (!parsed.success) return { ok: false, code: 'bad_message', message: `invalid "changes" message: ${summarize(parsed.error)}` };
  return { ok: true, message: parsed.data };
}
