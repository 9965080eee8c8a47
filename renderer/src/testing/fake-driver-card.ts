// The FAKE driver card and track: the card from the fake world, and a made-up track (a fix every
// 30 s wandering round the driver's position) so render tests and the dev preview can replay one.
// Periods are refused by the same rule main and the server use.
import type { ApiHandlers } from '../../../shared/api/contract';
import type { DriverCardView, DriverTrackView } from '../../../shared/api/driver-card-api';
import { trackPeriodMessage, trackPeriodProblem } from '../../../shared/domain/track-period';
import { ApiError } from '../../../shared/api/client';
import type { FakeWorld } from './fake-data';
import type { FakeClock } from './fake-queries';

const STEP_MS = 30_000;

export function fakeDriverCard(world: FakeWorld, clock: FakeClock): Pick<ApiHandlers, 'driverCard' | 'driverTrack'> {
  return {
    driverCard: ({ driverId }): DriverCardView => {
      const d = world.drivers.find((x) => x.id === driverId);
      if (!d) throw new ApiError({ code: 'not_found', message: `Driver ${driverId} does not exist` });
      const todayOrders = world.orders
        .filter((o) => o.driverId === driverId && (['confirmed', 'at_warehouse', 'in_transit', 'problem'].includes(o.status) || o.statusChangedAt >= clock() - 12 * 3_600_000))
        .slice(0, 50)
        .map((o) => ({
          id: o.id, number: o.number, status: o.status, customerName: o.customerName, deliveryAddress: o.deliveryAddress, slaDeadline: o.slaDeadline,
          deliveredAt: o.deliveredAt, serviceType: o.serviceType, vip: false, confirmedAt: o.confirmedAt, createdAt: o.createdAt, regionId: o.regionId,
        }));
      return {
        id: d.id, name: d.name, phone: d.phone, vehicle: d.vehicle, vehiclePlate: d.vehiclePlate, shiftState: d.shiftState, shiftChangedAt: d.shiftChangedAt,
        battery: d.battery, charging: d.charging, fixAt: d.fixAt, noSignal: false, lat: d.lat, lon: d.lon, todayOrders,
      };
    },
    driverTrack: ({ driverId, from, to }): DriverTrackView => {
      const problem = trackPeriodProblem({ from, to }, clock());
      if (problem) throw new ApiError({ code: 'invalid_request', message: trackPeriodMessage(problem), details: { ...problem } });
      const d = world.drivers.find((x) => x.id === driverId);
      if (!d) throw new ApiError({ code: 'not_found', message: `Driver ${driverId} does not exist` });
      const points: DriverTrackView['points'] = [];
      if (d.lat !== null && d.lon !== null) {
        const start = Math.max(from, to - 2 * 3_600_000);
        const n = Math.floor((to - start) / STEP_MS);
        for (let i = 0; i <= n; i++) {
          const k = n - i; // the last fix is where the driver is now
          points.push({ fixAt: start + i * STEP_MS, lat: d.lat - k * 0.0004 * Math.cos(k / 9), lon: d.lon - k * 0.0005, speedKmh: 30, headingDeg: null, accuracyM: 10 });
        }
      }
      return { driverId, from, to, points, truncated: false };
    },
  };
}
