import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServerDb, type ServerDb } from '../db/open-server-db';
import { bindSimulatorDevices } from './device-bindings';
import { deviceCommand, newDeviceId } from './device-command';

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
  it('binds, rebinds, lists and unbinds', async () => {
    expect(await deviceCommand(['bind', 'phone-1', 'd1'], db.sqlite, io())).toBe(0);
    expect(await deviceCommand(['bind', 'phone-1', 'd2'], db.sqlite, io())).toBe(0);
    expect(out).toEqual(['bound phone-1 -> d1', 'bound phone-1 -> d2 (was d1)']);
    await deviceCommand(['list'], db.sqlite, io());
    expect(out.join('\n')).toMatch(/phone-1\td2\tDriver d2/);
    expect(await deviceCommand(['unbind', 'phone-1'], db.sqlite, io())).toBe(0);
    expect(await deviceCommand(['unbind', 'phone-1'], db.sqlite, io())).toBe(1);
    expect(err).toEqual(['device phone-1 is not bound']);
  });

  it('refuses an unknown driver and bad usage, changing nothing', async () => {
    expect(await deviceCommand(['bind', 'phone-1', 'nobody'], db.sqlite, io())).toBe(1);
    expect(await deviceCommand(['bind', 'phone-1'], db.sqlite, io())).toBe(2);
    expect(await deviceCommand(['frobnicate'], db.sqlite, io())).toBe(2);
    expect(err[0]).toMatch(/no driver with id nobody/);
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM device_bindings').get()).toEqual({ n: 0 });
  });

  it('bind --new issues a long random id, binds it, and prints it with a terminal QR code', async () => {
    expect(await deviceCommand(['bind', '--new', 'd1'], db.sqlite, io())).toBe(0);
    const id = /^bound ([a-z2-7]{32}) -> d1$/.exec(out[0] ?? '')?.[1];
    expect(id).toBeDefined();
    expect(db.sqlite.prepare('SELECT driver_id FROM device_bindings WHERE device_id = ?').pluck().get(id)).toBe('d1');
    // The QR code is drawn with block characters, many lines tall.
    const qr = out.find((l) => /[█▀▄]/.test(l)) ?? '';
    expect(qr.split('\n').length).toBeGreaterThan(10);
    expect(await deviceCommand(['bind', '--new', 'd1'], db.sqlite, io())).toBe(0);
    const second = /^bound (\S+) ->/.exec(out.find((l, i) => i > 0 && l.startsWith('bound ')) ?? '')?.[1];
    expect(second).not.toBe(id);
    expect(await deviceCommand(['bind', '--new', 'nobody'], db.sqlite, io())).toBe(1);
  });

  it('newDeviceId encodes 20 bytes as 32 base32 characters', () => {
    expect(newDeviceId(Buffer.alloc(20, 0))).toBe('a'.repeat(32));
    expect(newDeviceId(Buffer.alloc(20, 0xff))).toBe('7'.repeat(32));
  });

  it('binds sim-<driverId> for every driver in demo mode, once', () => {
    expect(bindSimulatorDevices(db.sqlite, 1)).toBe(2);
    expect(bindSimulatorDevices(db.sqlite, 2)).toBe(0);
  });
});
