// The FAKE live preview (`?fake&orders=20000&drivers=2000&role=warehouse`): the fake API plus a
// fake fleet that moves every second, for screenshots and benchmarks without a host.
import type { MarshrutApi } from '../../../shared/api/contract';
import type { PositionFix } from '../../../shared/api/events';
import { createFakeApi } from './fake-api';
import { makeFakeWorld } from './fake-data';

export function startFakePreview(params: URLSearchParams): MarshrutApi {
  const clock = () => Date.now();
  const world = makeFakeWorld({
    orders: Number(params.get('orders') ?? 3000),
    drivers: Number(params.get('drivers') ?? 300),
    now: clock(),
  });
  const fake = createFakeApi(world, clock, { role: params.get('role') === 'warehouse' ? 'warehouse' : 'dispatcher' });
  if (params.has('offline')) fake.connection = { ...fake.connection, status: 'offline', error: 'connection refused', pending: 2 };
  if (params.has('conflict')) {
    fake.conflicts = [
      { id: 'c1', mid: 7, name: 'assignDriver', orderId: 'ord-5', orderNumber: 'AL-100004', code: 'assign_conflict', field: null, message: 'Order AL-100004 was already assigned to another driver by Dispatcher Ерлан.', at: clock() },
    ];
  }
  setInterval(() => {
    const fixes: PositionFix[] = [];
    const now = clock();
    for (const d of world.drivers) {
      if (d.shiftState === 'off_shift' || d.lat === null || d.lon === null || now - (d.fixAt ?? 0) > 5 * 60_000) continue;
      const heading = ((d.headingDeg ?? 0) + (Math.random() - 0.5) * 20 + 360) % 360;
      const step = 0.00015;
      d.lat += Math.cos((heading * Math.PI) / 180) * step;
      d.lon += Math.sin((heading * Math.PI) / 180) * step * 1.4;
      d.headingDeg = heading;
      d.fixAt = now;
      fixes.push({ driverId: d.id, lat: d.lat, lon: d.lon, headingDeg: heading, speedKmh: d.speedKmh, battery: d.battery, fixAt: now, noSignal: false });
    }
    fake.emit('positions', { fixes });
  }, 1000);
  return fake.api;
}
