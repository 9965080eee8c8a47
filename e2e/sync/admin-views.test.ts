// The Review tab's main-side handlers (issue 16) against a real server: each is one REST call
// with the signed-in user's own token, the answer checked by the shared schema; a refusal
// comes back as the command's answer with the server's sentence and the field it names, and
// the server's role check holds whatever the desktop asks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminHandlers } from '../../main/api/admin-handlers';
import { checkedServerCall } from '../../main/api/server-http';
import { memorySettings } from '../../main/settings/settings-store';
import { attachCouriers } from '../../server/couriers/attach-couriers';
import { attachGps } from '../../server/gps/attach-gps';
import { startTestServer, type TestServer } from '../../server/testing/test-server';

let ts: TestServer;

beforeEach(async () => {
  ts = await startTestServer();
  attachCouriers(ts.server, { env: { MARSHRUT_WEBHOOK_SECRET_CDEK: 'cdek-token' }, shipmentsEveryMs: 0 });
});
afterEach(async () => {
  await ts.stop();
});

const as = (userId: string) => adminHandlers(checkedServerCall(memorySettings({ serverUrl: ts.server.url, token: ts.tokens[userId] ?? null })));

describe('admin handlers over a real server', () => {
  it('lists and adds users as an admin; a new token is returned once; refusals carry the field', async () => {
    const admin = as('u-admin');
    const before = await admin.listUsers({});
    expect(before.map((u) => u.id)).toContain('u-dispatcher');
    const added = await admin.addUser({ name: 'Dana', role: 'dispatcher', warehouseId: null });
    expect(added).toMatchObject({ ok: true, mid: null, userId: expect.stringMatching(/^u-/), token: expect.any(String) });
    expect(await admin.listUsers({})).toHaveLength(before.length + 1);
    const refused = await admin.addUser({ name: 'Ivan', role: 'warehouse', warehouseId: 'w-nope' });
    expect(refused).toMatchObject({ ok: false, code: 'invalid_request', message: expect.stringMatching(/no warehouse/), details: { field: 'warehouseId' } });
    expect(await admin.revokeUser({ userId: 'u-admin' })).toMatchObject({ ok: false, message: expect.stringMatching(/your own user/) });
  });

  it("takes the plain writes' answers in the shared form: revoke, a new token, bind and unbind a device", async () => {
    await attachGps(ts.server, { port: 0, host: '127.0.0.1' });
    const admin = as('u-admin');
    const added = await admin.addUser({ name: 'Arman', role: 'dispatcher', warehouseId: null });
    if (!added.ok) throw new Error(added.message);
    expect(await admin.issueUserToken({ userId: added.userId })).toMatchObject({ ok: true, userId: added.userId });
    expect(await admin.revokeUser({ userId: added.userId })).toEqual({ ok: true, mid: null });
    expect(await admin.bindGpsDevice({ deviceId: 'tracker-e2e-1', driverId: 'd1' })).toEqual({ ok: true, mid: null });
    expect((await admin.gpsDevices({})).bound).toContainEqual(expect.objectContaining({ deviceId: 'tracker-e2e-1', driverId: 'd1' }));
    expect(await admin.unbindGpsDevice({ deviceId: 'tracker-e2e-1' })).toEqual({ ok: true, mid: null });
    expect((await admin.gpsDevices({})).bound).toEqual([]);
  });

  it('lets the server refuse other roles: a dispatcher reads the review list but not users', async () => {
    const dispatcher = as('u-dispatcher');
    expect(await dispatcher.courierReviews({})).toEqual({ reviews: [], more: 0 });
    await expect(dispatcher.listUsers({})).rejects.toMatchObject({ code: 'forbidden' });
    expect(await dispatcher.addUser({ name: 'Sneaky', role: 'admin', warehouseId: null })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await dispatcher.attachCourierReview({ reviewId: 12345, orderNumber: 'X' })).toMatchObject({ ok: false, code: 'not_found', details: { field: 'id' } });
  });
});
