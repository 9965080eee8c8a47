// The driver card's replica half: the driver and their orders of the company's today (open
// ones in work, and those whose status changed today, delivered ones included). Answers
// offline: only the GPS track needs the server.
import type { DriverCardOrder, DriverCardView } from '../../../shared/api/driver-card-api';
import type { ShiftState } from '../../../shared/domain/vocabulary';
import type { ReadonlyReplica } from '../open-replica';
import { dayAndMonthStart } from './driver-queries';
import { OPEN_STATUS_SQL } from './sla-sql';

/** A driver has a few dozen orders a day; more than this is not a day's work. */
const TODAY_ORDERS_MAX = 200;

interface RawCardDriver extends Omit<DriverCardView, 'charging' | 'noSignal' | 'todayOrders'> {
  charging: number | null;
  shiftState: ShiftState;
}

export function driverCard(replica: ReadonlyReplica, driverId: string, now: number, noSignal: ReadonlySet<string>): DriverCardView | null {
  const d = replica
    .prepareRead(
      `SELECT id, name, phone, vehicle, vehicle_plate AS vehiclePlate, shift_state AS shiftState, shift_changed_at AS shiftChangedAt,
       battery, charging, fix_at AS fixAt, lat, lon FROM drivers WHERE id = ?`,
    )
    .get(driverId) as RawCardDriver | undefined;
  if (d === undefined) return null;
  const offset = (replica.prepareRead('SELECT utc_offset_minutes AS o FROM regions ORDER BY id LIMIT 1').get() as { o: number } | undefined)?.o ?? 300;
  const { day } = dayAndMonthStart(now, offset);
  const todayOrders = replica
    .prepareRead(
      `SELECT id, number, status, customer_name AS customerName, delivery_address AS deliveryAddress,
       sla_deadline AS slaDeadline, delivered_at AS deliveredAt, service_type AS serviceType,
       (vip_norm_minutes IS NOT NULL AND vip_norm_minutes > 0) AS vip, confirmed_at AS confirmedAt, created_at AS createdAt, region_id AS regionId
       FROM orders WHERE driver_id = @driverId AND ((status IN ${OPEN_STATUS_SQL} AND status != 'new') OR status_changed_at >= @day)
       ORDER BY sla_deadline IS NULL, sla_deadline, number LIMIT ${TODAY_ORDERS_MAX}`,
    )
    .all({ driverId, day }) as Array<Omit<DriverCardOrder, 'vip'> & { vip: number }>;
  return {
    ...d,
    charging: d.charging === null ? null : d.charging === 1,
    noSignal: noSignal.has(d.id),
    todayOrders: todayOrders.map((o) => ({ ...o, vip: o.vip === 1 })),
  };
}
