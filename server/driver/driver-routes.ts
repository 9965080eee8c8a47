// The phone API under /api/driver/* (issue 18), and the console's side of it: issuing and
// revoking sign-in links (dispatcher, supervisor, admin) and reading proof files (any
// signed-in user). Marks, files and shift changes are exactly-once by Idempotency-Key.
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { FILE_PROOF_KINDS, type FileProofKind } from '../../shared/delivery/proof-vocabulary';
import {
  DRIVER_API,
  DRIVER_PAGE_PATH,
  LINK_FRAGMENT_KEY,
  MAX_PROOF_FILE_BYTES,
  PROOF_FILE_TYPES,
  linkRequestSchema,
  markRequestSchema,
  positionRequestSchema,
  revokeRequestSchema,
  shiftRequestSchema,
  type DriverMe,
  type DriverSessionView,
  type ProofFileType,
} from '../../shared/driver-phone/driver-wire';
import type { MutationActor, MutationOutcome } from '../../shared/mutators/mutator-tx';
import type { SessionUser } from '../../shared/protocol';
import { DESK_ROLES } from '../../shared/domain/vocabulary';
import { MPS_TO_KMH } from '../gps/gps-fix';
import type { GpsIngest } from '../gps/gps-ingest';
import { headerToken, sendJson, type HttpMethod, type Route, type RouteContext } from '../http/router';
import type { SyncEngine } from '../sync/sync-engine';
import { WEB_DEVICE_PREFIX, type DeviceIdentity, type DriverAccess } from './driver-access';
import { answer, BadRequest, checkEventTime, limit, parseOr400, readBody, readJson, requireDevice, type DriverCounters } from './driver-http';
import { IDEMPOTENCY_KEY_PATTERN, type DriverRequests, type StoredAnswer } from './driver-requests';
import type { DriverTasks } from './driver-tasks';
import { bytesMatchType, type DeliveryFiles } from './delivery-files';
import { planMark } from './plan-mark';
import type { RateLimiter } from './rate-limit';

const JSON_LIMIT = 16 * 1024;
const LINK_ROLES: ReadonlySet<string> = new Set(DESK_ROLES);

export interface DriverRouteDeps {
  engine: SyncEngine;
  access: DriverAccess;
  tasks: DriverTasks;
  files: DeliveryFiles;
  requests: DriverRequests;
  /** Per device (and per address before sign-in). */
  limiter: RateLimiter;
  counters: DriverCounters;
  authenticateUser(token: string | null): SessionUser | null;
  /** The browser's positions go through the same filters as OsmAnd fixes; absent without GPS. */
  gps: GpsIngest | null;
  /** Where phones reach this server (sign-in links point there). */
  publicUrl: string;
  clock: () => number;
}

class Rollback extends Error {
  constructor(readonly outcome: Extract<MutationOutcome, { result: 'rejected' }>) {
    super(outcome.error.message);
  }
}

export function driverApiRoutes(d: DriverRouteDeps): Route[] {
  const gate = { access: d.access, limiter: d.limiter, counters: d.counters };
  const actorOf = (device: DeviceIdentity): MutationActor => ({ id: device.driverId, name: device.driverName, actor: 'driver', role: null });

  const idempotencyKey = (req: IncomingMessage): string => {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw new BadRequest(400, { error: 'bad_request', field: 'Idempotency-Key', message: 'Idempotency-Key: 8 to 80 letters, digits, - or _' });
    }
    return key;
  };

  const replay = (stored: StoredAnswer): StoredAnswer => {
    d.counters.replays++;
    return stored.status < 300 ? { status: stored.status, body: { ...stored.body, replayed: true } } : stored;
  };

  /** Runs `work` once per key: its answer (success or business refusal) is stored with its effect. */
  const once = (device: DeviceIdentity, key: string, work: () => StoredAnswer): StoredAnswer => {
    const stored = d.requests.find(device.driverId, key);
    if (stored !== undefined) return replay(stored);
    const now = d.clock();
    try {
      return d.engine.atomically(() => {
        const result = work();
        d.requests.record(device.deviceId, key, result, now);
        return result;
      });
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
      const refused: StoredAnswer = { status: 422, body: { error: e.outcome.error.code, message: e.outcome.error.message, ...(e.outcome.error.details ? { details: e.outcome.error.details } : {}) } };
      d.requests.record(device.deviceId, key, refused, now);
      return refused;
    }
  };

  const run = (name: string, args: unknown, device: DeviceIdentity, at: number): void => {
    const outcome = d.engine.runMutation(name, args, actorOf(device), at);
    if (outcome.result === 'rejected') throw new Rollback(outcome);
  };

  const requireUser = (req: IncomingMessage, roles?: ReadonlySet<string>): SessionUser => {
    const user = d.authenticateUser(headerToken(req));
    if (user === null) {
      d.counters.unauthorized++;
      throw new BadRequest(401, { error: 'unauthorized', message: 'A valid bearer token is required' });
    }
    if (roles !== undefined && !roles.has(user.role)) {
      throw new BadRequest(403, { error: 'forbidden', message: 'Only a dispatcher, supervisor or admin can manage drivers\' phones' });
    }
    return user;
  };

  const ownOrder = (device: DeviceIdentity, orderId: string, field = 'orderId'): void => {
    if (!d.tasks.owns(device.driverId, orderId)) {
      d.counters.notYourOrder++;
      throw new BadRequest(404, { error: 'not_your_task', field, message: `${field}: no such order among your tasks` });
    }
  };

  const checkFile = (device: DeviceIdentity, orderId: string, fileId: string | undefined, kind: FileProofKind, field: string): void => {
    if (fileId === undefined) return;
    const meta = d.files.meta(fileId);
    if (meta === undefined || meta.driverId !== device.driverId || meta.orderId !== orderId || meta.kind !== kind) {
      throw new BadRequest(400, { error: 'bad_request', field, message: `${field}: no such ${kind} of this order from this phone` });
    }
  };

  /** A route of this API: it checks its own credentials, and a BadRequest becomes its answer. */
  const route = (method: HttpMethod, path: string, work: (ctx: RouteContext) => Promise<void> | void): Route => ({
    method,
    path: `${DRIVER_API}${path}`,
    auth: 'none',
    handler: (ctx) => answer(ctx.res, d.counters, () => work(ctx)),
  });
  /** A signed-in phone's route, within its rate limit. */
  const phoneRoute = (method: HttpMethod, path: string, work: (ctx: RouteContext, device: DeviceIdentity) => Promise<void> | void): Route =>
    route(method, path, (ctx) => work(ctx, requireDevice(gate, ctx.req)));
  /** The console's side: a dispatcher's, supervisor's or admin's token. */
  const consoleRoute = (method: HttpMethod, path: string, work: (ctx: RouteContext, user: SessionUser) => Promise<void> | void): Route =>
    route(method, path, (ctx) => work(ctx, requireUser(ctx.req, LINK_ROLES)));
  const readRequest = async <S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.output<S>> =>
    parseOr400(schema, await readJson(req, JSON_LIMIT));
  /** A replay is answered before its body is even read: it was checked the first time. */
  const answeredBefore = (device: DeviceIdentity, key: string, res: RouteContext['res']): boolean => {
    const stored = d.requests.find(device.driverId, key);
    if (stored === undefined) return false;
    const again = replay(stored);
    sendJson(res, again.status, again.body);
    return true;
  };

  return [
    route('POST', '/session', ({ req, res }) => {
      limit(gate, `ip:${req.socket.remoteAddress ?? '?'}`);
      const link = req.headers['x-driver-link'];
      const result = d.access.exchange(typeof link === 'string' ? link : '', String(req.headers['user-agent'] ?? ''));
      if (!result.ok) {
        d.counters.signInsRefused++;
        const why = { unknown: 'This sign-in link is not valid', used: 'This sign-in link was already used', expired: 'This sign-in link has expired', revoked: 'This sign-in link was revoked', no_driver: 'The driver of this link no longer exists' }[result.reason];
        throw new BadRequest(401, { error: `link_${result.reason}`, message: `${why}: ask the dispatcher for a new one` });
      }
      d.counters.signIns++;
      const view: DriverSessionView = { deviceToken: result.deviceToken, deviceId: result.device.deviceId, driver: { id: result.device.driverId, name: result.device.driverName } };
      sendJson(res, 200, view);
    }),
    phoneRoute('GET', '/me', ({ res }, device) => {
      const row = d.engine.newTx().get('drivers', device.driverId);
      if (row === undefined) throw new BadRequest(401, { error: 'unauthorized', message: 'The driver no longer exists' });
      const me: DriverMe = {
        driver: { id: row.id, name: row.name, vehicle: row.vehicle, vehiclePlate: row.vehiclePlate, shiftState: row.shiftState, shiftChangedAt: row.shiftChangedAt },
        serverTime: d.clock(),
      };
      sendJson(res, 200, me);
    }),
    phoneRoute('GET', '/tasks', ({ res }, device) => {
      sendJson(res, 200, { tasks: d.tasks.list(device.driverId, d.clock()), serverTime: d.clock() });
    }),
    phoneRoute('POST', '/marks', async ({ req, res }, device) => {
      const key = idempotencyKey(req);
      if (answeredBefore(device, key, res)) return;
      const mark = await readRequest(req, markRequestSchema);
      const at = checkEventTime(mark.at, d.clock());
      ownOrder(device, mark.orderId);
      checkFile(device, mark.orderId, mark.photoFileId, 'photo', 'photoFileId');
      checkFile(device, mark.orderId, mark.signatureFileId, 'signature', 'signatureFileId');
      const result = once(device, key, () => {
        for (const step of planMark(mark)) run(step.name, step.args, device, at);
        return { status: 200, body: { result: 'applied', orderId: mark.orderId, replayed: false } };
      });
      if (result.status === 200 && result.body['replayed'] !== true) d.counters.marksApplied++;
      if (result.status === 422) d.counters.marksRejected++;
      sendJson(res, result.status, result.body);
    }),
    phoneRoute('POST', '/files', async ({ req, res }, device) => {
      const key = idempotencyKey(req);
      if (answeredBefore(device, key, res)) return;
      const orderId = header(req, 'x-order-id', 'X-Order-Id');
      const kind = header(req, 'x-proof-kind', 'X-Proof-Kind');
      if (!(FILE_PROOF_KINDS as readonly string[]).includes(kind)) {
        throw new BadRequest(400, { error: 'bad_request', field: 'X-Proof-Kind', message: 'X-Proof-Kind: photo or signature' });
      }
      const mime = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!(PROOF_FILE_TYPES as readonly string[]).includes(mime)) {
        d.counters.filesRefused++;
        throw new BadRequest(415, { error: 'unsupported_type', field: 'Content-Type', message: `Content-Type: one of ${PROOF_FILE_TYPES.join(', ')}` });
      }
      ownOrder(device, orderId, 'X-Order-Id');
      let bytes: Buffer;
      try {
        bytes = await readBody(req, MAX_PROOF_FILE_BYTES);
      } catch (e) {
        d.counters.filesRefused++;
        throw e;
      }
      if (!bytesMatchType(bytes, mime as ProofFileType)) {
        d.counters.filesRefused++;
        throw new BadRequest(400, { error: 'bad_request', field: 'body', message: `body: the bytes are not a ${mime} image` });
      }
      const result = once(device, key, () => {
        const fileId = d.files.put({ orderId, driverId: device.driverId, deviceId: device.deviceId, kind: kind as FileProofKind, mime: mime as ProofFileType, bytes }, d.clock());
        return { status: 200, body: { fileId, replayed: false } };
      });
      d.counters.filesStored++;
      sendJson(res, result.status, result.body);
    }),
    route('GET', '/files/:id', ({ req, res, params }) => {
      const token = headerToken(req);
      const user = d.authenticateUser(token);
      const device = user === null ? d.access.authenticate(token) : null;
      if (user === null && device === null) {
        d.counters.unauthorized++;
        throw new BadRequest(401, { error: 'unauthorized', message: 'Proof files are shown to signed-in users only' });
      }
      const id = params['id'] ?? '';
      const meta = d.files.meta(id);
      // A phone sees only its driver's own files; to it, anyone else's do not exist.
      const file = meta !== undefined && (device === null || meta.driverId === device.driverId) ? d.files.read(id) : undefined;
      if (file === undefined) throw new BadRequest(404, { error: 'not_found', message: 'No such file' });
      res.writeHead(200, {
        'content-type': file.mime,
        'content-length': file.bytes.length,
        'cache-control': 'private, max-age=86400',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'",
      });
      res.end(file.bytes);
    }),
    phoneRoute('POST', '/shift', async ({ req, res }, device) => {
      const key = idempotencyKey(req);
      const body = await readRequest(req, shiftRequestSchema);
      const at = checkEventTime(body.at, d.clock());
      const result = once(device, key, () => {
        run('setDriverShift', { driverId: device.driverId, state: body.state }, device, at);
        return { status: 200, body: { result: 'applied', state: body.state, replayed: false } };
      });
      if (result.status === 200 && result.body['replayed'] !== true) d.counters.shiftChanges++;
      sendJson(res, result.status, result.body);
    }),
    phoneRoute('POST', '/position', async ({ req, res }, device) => {
      const p = await readRequest(req, positionRequestSchema);
      const now = d.clock();
      if (d.gps === null) throw new BadRequest(503, { error: 'no_gps', message: 'This server takes no positions' });
      d.counters.positions++;
      // The fix's own time is the filters' business (future, stale): pass it as the phone said.
      const outcome = d.gps.ingest(
        {
          deviceId: WEB_DEVICE_PREFIX + device.deviceId,
          fixAt: p.at,
          lat: p.lat,
          lon: p.lon,
          speedKmh: p.speed == null ? null : p.speed * MPS_TO_KMH,
          headingDeg: p.heading ?? null,
          altitudeM: null,
          accuracyM: p.accuracy ?? null,
          battery: null,
          charging: null,
          moving: null,
          valid: true,
        },
        now,
      );
      sendJson(res, 200, { outcome: outcome.kind, ...(outcome.kind === 'rejected' ? { reason: outcome.reason } : {}) });
    }),
    // The console's side: sign-in links, revocation, the phone list.
    consoleRoute('POST', '/links', async ({ req, res }, user) => {
      const body = await readRequest(req, linkRequestSchema);
      const link = d.access.issueLink(body.driverId, user.id);
      if (link === null) throw new BadRequest(404, { error: 'not_found', field: 'driverId', message: `driverId: no driver ${body.driverId}` });
      // The token rides in the fragment: browsers never send it, so no log or proxy sees it.
      const url = `${d.publicUrl.replace(/\/+$/, '')}${DRIVER_PAGE_PATH}#${LINK_FRAGMENT_KEY}=${link.token}`;
      sendJson(res, 200, { url, expiresAt: link.expiresAt });
    }),
    consoleRoute('POST', '/revoke', async ({ req, res }) => {
      const body = await readRequest(req, revokeRequestSchema);
      sendJson(res, 200, { revoked: d.access.revoke(body.driverId, body.deviceId) });
    }),
    consoleRoute('GET', '/devices', ({ res, query }) => {
      const driverId = query.get('driverId') ?? '';
      if (driverId === '' || driverId.length > 128) throw new BadRequest(400, { error: 'bad_request', field: 'driverId', message: 'driverId: required' });
      sendJson(res, 200, { devices: d.access.devices(driverId) });
    }),
  ];
}

function header(req: IncomingMessage, name: string, label: string): string {
  const v = req.headers[name];
  if (typeof v !== 'string' || v.length === 0 || v.length > 128) {
    throw new BadRequest(400, { error: 'bad_request', field: label, message: `${label}: required` });
  }
  return v;
}
