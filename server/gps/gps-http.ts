// The OsmAnd port (default 5055): any method, any path, parameters or JSON as decoded by
// osmand-decode.ts. Answers: 200 `OK` for every readable fix, whether it was taken, ignored
// by a filter or came from a device bound to nobody. OsmAnd has no authentication, so the
// answer must not tell which device ids are bound (they could then be found and spoofed);
// what happened is counted in /health. 400 with the reason for an unreadable request (it
// does not depend on the binding), 413 for an oversize body, 429 when the source address
// sends too much.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { GpsCounters } from './gps-counters';
import type { GpsIngest } from './gps-ingest';
import type { GpsStore } from './gps-store';
import { decodeOsmAndRequest } from './osmand-decode';
import type { SourceRateLimiter } from './source-rate-limit';

const MAX_BODY_BYTES = 64 * 1024;

export interface GpsHttpDeps {
  ingest: GpsIngest;
  store: GpsStore;
  counters: GpsCounters;
  clock: () => number;
  /** Null: no per-address limit. */
  limiter: SourceRateLimiter | null;
}

function reply(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function handleGpsRequest(deps: GpsHttpDeps, req: IncomingMessage, res: ServerResponse): void {
  const address = req.socket.remoteAddress ?? 'unknown';
  if (deps.limiter !== null && !deps.limiter.take(address, deps.clock())) {
    deps.counters.rateLimited++;
    res.setHeader('retry-after', String(Math.max(1, deps.limiter.retryAfterS(address))));
    // The body is not read: close the connection rather than drain a flood.
    res.setHeader('connection', 'close');
    return reply(res, 429, 'too many requests from this address; retry later');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > MAX_BODY_BYTES) tooLarge = true;
    else chunks.push(c);
  });
  req.on('end', () => {
    if (tooLarge) {
      deps.counters.malformed++;
      return reply(res, 413, `body larger than ${MAX_BODY_BYTES} bytes`);
    }
    const now = deps.clock();
    const body = chunks.length === 0 ? '' : Buffer.concat(chunks).toString('utf8');
    const decoded = decodeOsmAndRequest({ url: req.url ?? '/', contentType: req.headers['content-type'], body }, now);
    if (!decoded.ok) {
      deps.counters.received++;
      if (decoded.reason === 'invalid_coordinates') deps.counters.rejected.invalid_coordinates++;
      else deps.counters.malformed++;
      // An unknown device is listed even when its fix is unreadable: the admin sees it trying.
      if (decoded.deviceId !== null && deps.store.driverFor(decoded.deviceId, now) === null) {
        deps.store.queueUnknown(decoded.deviceId, null, now);
      }
      return reply(res, 400, decoded.message);
    }
    // Taken, filtered or unknown: one answer (see the header).
    deps.ingest.ingest(decoded.fix, now);
    return reply(res, 200, 'OK');
  });
  req.on('error', () => res.destroy());
}

export function createGpsHttpServer(deps: GpsHttpDeps): Server {
  const server = createServer({ keepAlive: true }, (req, res) => handleGpsRequest(deps, req, res));
  // Phones on mobile networks keep connections open between fixes; don't cut them early.
  server.keepAliveTimeout = 65_000;
  return server;
}
