import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServerDb, type ServerDb } from '../db/open-server-db';
import { bindSimulatorDevices } from './device-bindings';
import { deviceCommand } from './device-command';

let db: ServerDb;
let out: string[];
let err: string[];
const io = () => ({ out: (l: string) => out.push(l), err: (l: string) => err.push(l), now: Date.UTC(2024, 6, 1) });

beforeEach(() => {
  db = openServerDb(':memory:', 'NORMAL');
  for (const id of ['d1', 'd2']) db.sqlite.prepare("INSERT INTO drivers (id, name, updated_at) VALUES (?, ?, 0)").run(id, `Driver ${id}`);
  out = [];
  err = [];
});
afterEach(() => db.sqlite.close());

describe('device command', () => {
  it('binds, rebinds, lists and unbinds', () => {
    expect(deviceCommand(['bind', 'phone-1', 'd1'], db.sqlite, io())).toBe(0);
    expect(deviceCommand(['bind', 'phone-1', 'd2'], db.sqlite, io())).toBe(0);
    expect(out).toEqual(['bound phone-1 -> d1', 'bound phone-1 -> d2 (was d1)']);
    deviceCommand(['list'], db.sqlite, io());
    expect(out.join('\n')).toMatch(/phone-1\td2\tDriver d2/);
    expect(deviceCommand(['unbind', 'phone-1'], db.sqlite, io())).toBe(0);
    expect(deviceCommand(['unbind', 'phone-1'], db.sqlite, io())).toBe(1);
    expect(err).toEqual(['device phone-1 is not bound']);
  });

  it('refuses an unknown driver and bad usage, changing nothing', () => {
    expect(deviceCommand(['bind', 'phone-1', 'nobody'], db.sqlite, io())).toBe(1);
    expect(deviceCommand(['bind', 'phone-1'], db.sqlite, io())).toBe(2);
    expect(deviceCommand(['frobnicate'], db.sqlite, io())).toBe(2);
    expect(err[0]).toMatch(/no driver with id nobody/);
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM device_bindings').get()).toEqual({ n: 0 });
  });

  it('binds sim-<driverId> for every driver in demo mode, once', () => {
    expect(bindSimulatorDevices(db.sqlite, 1)).toBe(2);
    expect(bindSimulatorDevices(db.sqlite, 2)).toBe(0);
  });
});
