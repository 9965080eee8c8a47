// The server's "no signal" reaches the console: a phone repeating one cached fix looks fresh
// by its fix time, so only the server's flag can tell (README: No signal).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DriverListRow, DriverSuggestions } from '../../shared/api/drivers-api';
import type { PositionFix } from '../../shared/api/events';
import type { Reply } from '../../shared/api/wire';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type DriverPosition } from '../../shared/protocol';
import { createApi, type Api } from '../api/create-api';
import { memorySettings } from '../settings/settings-store';
import { FakeTimers } from '../testing/fake-timers';
import { FakeTransport } from '../testing/fake-transport';
import { eachFixtureReplica, T0 } from '../testing/fixture-replica';
import { createSyncClient } from './sync-client';

const value = <T>(r: Reply<unknown>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
};

describe('no signal, from the server to the console', () => {
  const fx = eachFixtureReplica();
  let net: FakeTransport;
  let api: Api;

  beforeEach(() => {
    net = new FakeTransport();
    const timers = new FakeTimers(T0);
    const client = createSyncClient({ replica: fx().replica, serverUrl: 'ws://x/sync', token: 't', transport: net.transport, timers, now: () => T0 });
    client.start();
    api = createApi({
      replica: fx().replica,
      settings: memorySettings({ serverUrl: 'ws://x/sync', token: 't' }),
      connect: () => client,
      now: () => T0,
    });
    net.last.open();
    net.last.receive({ type: 'welcome', serverId: 's', epoch: 'e1', protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, headSeq: 0, lastMid: 0, user: { id: 'u-disp', name: 'Aigerim', role: 'dispatcher' } });
  });

  afterEach(async () => {
    await api.close();
  });

  const frozen = (noSignal: boolean): DriverPosition => ({
    // A fix taken a second ago: by its age alone the phone is online.
    driverId: 'd1', lat: 51.171, lon: 71.431, headingDeg: null, speedKmh: null, accuracyM: 5, battery: 80, charging: false, fixAt: T0 - 1000, noSignal,
  });

  it('carries the flag to the map event, the drivers list and the suggestions', async () => {
    const fixes: PositionFix[] = [];
    api.events.on('positions', (p) => fixes.push(...p.fixes));
    net.last.receive({ type: 'positions', drivers: [frozen(true)] });

    expect(fixes).toMatchObject([{ driverId: 'd1', fixAt: T0 - 1000, noSignal: true }]);
    const rows = value<DriverListRow[]>(await api.dispatch('listDrivers', {}));
    expect(rows.find((d) => d.id === 'd1')).toMatchObject({ fixAt: T0 - 1000, noSignal: true });
    expect(rows.find((d) => d.id === 'd2')).toMatchObject({ noSignal: false });
    fx().addOrder({ id: 'o1', status: 'confirmed' });
    const s = value<DriverSuggestions>(await api.dispatch('suggestDrivers', { orderId: 'o1' }));
    expect(s.suggestions.find((d) => d.driverId === 'd1')).toMatchObject({ noSignal: true });

    // The phone recovers: the server says so, and the console follows.
    net.last.receive({ type: 'positions', drivers: [frozen(false)] });
    const after = value<DriverListRow[]>(await api.dispatch('listDrivers', {}));
    expect(after.find((d) => d.id === 'd1')).toMatchObject({ noSignal: false });
  });
});
