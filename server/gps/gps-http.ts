// The OsmAnd port (default 5055): any method, any path, parameters or JSON as decoded by
// osmand-decode.ts. Answers, like Traccar: 200 when the fix was taken (or deliberately
// ignored by a filter: the phone must not retry a fix we will never want, or its queue
// wedges), 400 for an unreadable request, 403 for a device bound to no driver (the phone
// keeps its fixes and sends them once an admin binds it). Bodies say why, in plain text.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { GpsCounters } from './gps-counters';
import type { GpsIngest } from './gps-ingest';
import type { GpsStore } from './gps-store';
import { decodeOsmAndRequest } from './osmand-decode';

const MAX_BODY_BYTES = 64 * 1024;

export interface GpsHttpDeps {
  ingest: GpsIngest;
  store: GpsStore;
  counters: GpsCounters;
  clock: () => number;
}

function reply(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function handleGpsRequest(deps: GpsHttpDeps, req: IncomingMessage, res: ServerResponse): void {
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
    const outcome = deps.ingest.ingest(decoded.fix, now);
    switch (outcome.kind) {
      case 'unknown_device':
        return reply(res, 403, `device ${outcome.deviceId} is not bound to a driver; an admin can bind it (device bind)`);
      case 'rejected':
        return reply(res, 200, `ignored: ${outcome.reason}`);
      default:
        return reply(res, 200, 'OK');
    }
  });
  req.on('error', () => res.destroy());
}

export function createGpsHttpServer(deps: GpsHttpDeps): Server {
  const server = createServer({ keepAlive: true }, (req, res) => handleGpsRequest(deps, req, res));
  // Phones on mobile networks keep connections open between fixes; don't cut them early.
  server.keepAliveTimeout = 65_000;
  return server;
}
