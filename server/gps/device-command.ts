// `npm run server -- device bind ID DRIVER | unbind ID | list`: the admin's device commands.
// server/cli.ts hands over the words after "device" and an open database.
import type Database from 'better-sqlite3';
import { bindDevice, listBindings, listUnknownDevices, unbindDevice } from './device-bindings';

export const DEVICE_USAGE = [
  'device bind DEVICE_ID DRIVER_ID   bind a phone/tracker id to a driver (rebinding moves it)',
  'device unbind DEVICE_ID           remove a binding; the device\'s fixes are refused again',
  'device list                       bound devices, then devices bound to nobody with their last fix',
].join('\n');

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  now: number;
}

const defaultIo = (): CommandIo => ({ out: (l) => console.log(l), err: (l) => console.error(l), now: Date.now() });

function iso(ms: number | null): string {
  return ms === null ? '-' : new Date(ms).toISOString();
}

/** Runs one device command; returns the process exit code. */
export function deviceCommand(argv: readonly string[], sqlite: Database.Database, io: CommandIo = defaultIo()): number {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'bind': {
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
