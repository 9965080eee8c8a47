// GPS devices over REST for admins (issue 16): the devices that sent fixes but are bound to no
// driver, the bindings, and bind / unbind, through the same functions as `device bind|unbind`
// (device-bindings.ts). Device ids are secrets (the OsmAnd trade-off in the README), so they
// travel in bodies, never in URLs. Every answer is counted (GET /health -> gpsDevices).
import type Database from 'better-sqlite3';
import { bindDeviceBody, unbindDeviceBody, type BoundAnswer, type UnboundAnswer } from '../../shared/api/admin-api';
import { callerWithRole, countedHandler, fail, parsedBody } from '../http/json-route';
import { Counters } from '../http/request-guards';
import type { RouteContext, Router } from '../http/router';
import { bindDevice, listBindings, listUnknownDevices, unbindDevice } from './device-bindings';

export const MAX_DEVICE_BODY_BYTES = 16 * 1024;

export interface DevicesRouteDeps {
  sqlite: Database.Database;
  /** Writes the GPS batch queued in memory, so the unknown list is current before it is read. */
  flush(): void;
  /** Makes the GPS port see a bind or unbind at once (it caches bindings for a few seconds). */
  bindingsChanged(): void;
  clock: () => number;
}

const admin = (ctx: RouteContext) => callerWithRole(ctx, ['admin']);

export function mountDevicesRoute(router: Pick<Router, 'addRoute'>, deps: DevicesRouteDeps): { counters: Counters } {
  const counters = new Counters();
  const driverExists = deps.sqlite.prepare<[string], { id: string }>('SELECT id FROM drivers WHERE id = ?');

  router.addRoute({
    method: 'GET',
    path: '/api/gps/devices',
    handler: countedHandler(counters, (ctx) => {
      admin(ctx);
      deps.flush();
      return { status: 200, body: { unknown: listUnknownDevices(deps.sqlite), bound: listBindings(deps.sqlite) }, count: 'listed' };
    }),
  });

  router.addRoute({
    method: 'POST',
    path: '/api/gps/devices/bind',
    handler: countedHandler(counters, async (ctx) => {
      const user = admin(ctx);
      const body = await parsedBody(ctx, bindDeviceBody, MAX_DEVICE_BODY_BYTES);
      if (driverExists.get(body.driverId) === undefined) fail(404, 'not_found', `No driver with id ${body.driverId.slice(0, 64)}`, 'driverId');
      // The device's last fixes still in memory are written first: the bind then takes it off the list for good.
      deps.flush();
      const r = bindDevice(deps.sqlite, body.deviceId, body.driverId, user.name, deps.clock());
      if (!r.ok) fail(422, 'validation_failed', `deviceId: ${r.message}`, 'deviceId');
      deps.bindingsChanged();
      const previous = r.ok ? r.previousDriverId : null;
      return { status: 200, body: { deviceId: body.deviceId, driverId: body.driverId, previousDriverId: previous } satisfies BoundAnswer, count: 'bound' };
    }),
  });

  router.addRoute({
    method: 'POST',
    path: '/api/gps/devices/unbind',
    handler: countedHandler(counters, async (ctx) => {
      admin(ctx);
      const body = await parsedBody(ctx, unbindDeviceBody, MAX_DEVICE_BODY_BYTES);
      if (!unbindDevice(deps.sqlite, body.deviceId)) fail(404, 'not_found', 'No device with this id is bound', 'deviceId');
      deps.bindingsChanged();
      return { status: 200, body: { unbound: true } satisfies UnboundAnswer, count: 'unbound' };
    }),
  });

  return { counters };
}
