// Reading a request body with a ceiling: every route that takes a body reads it here, so an
// oversize body is cut off the same way everywhere (reading stops at the first byte past the
// limit, the rest is never buffered) and each route only decides what to answer.
import type { IncomingMessage } from 'node:http';

/** The body's bytes, or null as soon as it passes `maxBytes`. */
export async function readCappedBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
