// `npm run server -- device bind ID DRIVER | bind --new DRIVER | unbind ID | list`: the admin's
// device commands. server/cli.ts hands over the words after "device" and an open database.
// OsmAnd has no authentication: whoever knows a bound id can send fixes as that driver, so
// `bind --new` issues a long random id (160 bits) to type or scan into the phone.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import QRCode from 'qrcode';
import { bindDevice, listBindings, listUnknownDevices, unbindDevice } from './device-bindings';

export const DEVICE_USAGE = [
  'device bind --new DRIVER_ID       issue a new random device id for a driver\'s phone: printed, and as a QR code',
  'device bind DEVICE_ID DRIVER_ID   bind a phone/tracker id to a driver (rebinding moves it)',
  'device unbind DEVICE_ID           remove a binding; the device\'s fixes are refused again',
  'device list                       bound devices, then devices bound to nobody with their last fix',
].join('\n');

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  now: number;
}

/** Lower-case base32 without padding: easy to type into a phone, no look-alike symbols. */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A device id nobody can guess: 20 random bytes as 32 base32 characters. */
export function newDeviceId(bytes: Buffer = randomBytes(20)): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

const defaultIo = (): CommandIo => ({ out: (l) => console.log(l), err: (l) => console.error(l), now: Date.now() });

function iso(ms: number | null): string {
  return ms === null ? '-' : new Date(ms).toISOString();
}

/** Runs one device command; resolves to the process exit code. */
export async function deviceCommand(argv: readonly string[], sqlite: Database.Database, io: CommandIo = defaultIo()): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'bind': {
      if (rest[0] === '--new') {
        const [, driverId] = rest;
        if (driverId === undefined || rest.length !== 2) {
          io.err(`usage: ${DEVICE_USAGE.split('\n')[0]}`);
          return 2;
        }
        const deviceId = newDeviceId();
        const r = bindDevice(sqlite, deviceId, driverId, 'cli', io.now);
        if (!r.ok) {
          io.err(`cannot bind a new device: ${r.message}`);
          return 1;
        }
        io.out(`bound ${deviceId} -> ${driverId}`);
        io.out('Set it as the Device identifier in Traccar Client (type it, or scan this QR code):');
        io.out(await QRCode.toString(deviceId, { type: 'terminal', small: true, errorCorrectionLevel: 'M' }));
        io.out('Keep it secret: anyone who knows it can send positions as this driver.');
        return 0;
      }
      const [deviceId, driverId] = rest;
      if (deviceId === undefined || driverId === undefined || rest.length !== 2) {
        io.err(`usage: ${DEVICE_USAGE.split('\n')[0]}`);
        return 2;
      }
      const r = bindDevice(sqlite, deviceId, driverId, 'cli', io.now);
      if (!r.ok) {
        io.err(`cannot bind ${deviceId}: ${r.message}`);
        return 1;
      }
      const moved = r.previousDriverId !== null && r.previousDriverId !== driverId ? ` (was ${r.previousDriverId})` : '';
      io.out(`bound ${deviceId.trim()} -> ${driverId}${moved}`);
      return 0;
    }
    case 'unbind': {
      const [deviceId] = rest;
      if (deviceId === undefined || rest.length !== 1) {
        io.err(`usage: ${DEVICE_USAGE.split('\n')[1]}`);
        return 2;
      }
      if (!unbindDevice(sqlite, deviceId)) {
        io.err(`device ${deviceId} is not bound`);
        return 1;
      }
      io.out(`unbound ${deviceId}`);
      return 0;
    }
    case 'list': {
      const bound = listBindings(sqlite);
      io.out(`bound devices (${bound.length}):`);
      for (const b of bound) io.out(`  ${b.deviceId}\t${b.driverId}\t${b.driverName ?? '(driver missing)'}\tsince ${iso(b.boundAt)} by ${b.boundBy}`);
      const unknown = listUnknownDevices(sqlite);
      io.out(`unknown devices (${unknown.length}):`);
      for (const u of unknown) {
        const fix = u.lastLat === null || u.lastLon === null ? 'no readable fix' : `${u.lastLat.toFixed(6)},${u.lastLon.toFixed(6)} at ${iso(u.lastFixAt)}`;
        io.out(`  ${u.deviceId}\t${u.requestCount} requests, last ${iso(u.lastSeenAt)}\t${fix}`);
      }
      return 0;
    }
    default:
      io.err(`unknown device command "${sub ?? ''}"\n${DEVICE_USAGE}`);
      return 2;
  }
}
