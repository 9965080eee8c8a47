// GET /api/openapi.json describes every REST route the server mounts: the test lists the routes
// a server wired as `npm run server` wires it (alerts, couriers, GPS devices, the driver's phone) and
// finds each method and path in the document, so a new route without its description fails here.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { attachAlerts } from '../alerts/attach-alerts';
import { attachDriver } from '../driver/attach-driver';
import { attachIngest } from '../gps/attach-ingest';
import { restCall } from '../testing/rest-call';
import { startTestServer, type TestServer } from '../testing/test-server';

let ts: TestServer;
beforeEach(async () => {
  ts = await startTestServer();
  attachAlerts(ts.server);
  const ingest = await attachIngest(ts.server, { gpsPort: 0, host: '127.0.0.1' });
  attachDriver(ts.server, { gps: ingest.gps.ingest });
});
afterEach(async () => {
  await ts.stop();
});

/** The REST API: everything under /api, and /health. (Webhooks, /t/ tracking pages and /driver's files are not.) */
const isRest = (path: string) => path.startsWith('/api/') || path === '/health';

it('has every mounted REST route, with its method', async () => {
  const r = await restCall(ts, 'GET', '/api/openapi.json');
  expect(r.status).toBe(200);
  const paths = r.body['paths'] as Record<string, Record<string, unknown>>;
  const routes = ts.server.routes().filter((route) => isRest(route.path));
  // The admin views' routes (issue 16) are among them, so the check is not vacuous.
  for (const p of ['/api/couriers/review/:id/attach', '/api/gps/devices/bind', '/api/users/:id/token']) expect(routes.map((x) => x.path)).toContain(p);
  const missing = routes
    .map((route) => ({ method: route.method.toLowerCase(), path: route.path.replace(/:([A-Za-z]+)/g, '{$1}') }))
    .filter(({ method, path }) => paths[path]?.[method] === undefined)
    .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
  expect(missing).toEqual([]);
  // And nothing described that the server does not serve.
  const served = new Set(routes.map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`));
  const extra = Object.entries(paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)).filter((k) => !served.has(k));
  expect(extra).toEqual([]);
});
