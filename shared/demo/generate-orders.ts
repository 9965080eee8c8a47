// Demo orders with their timelines. One order at a time (a generator), so 100k orders and
// their ~600k events never sit in memory at once. Every order's row agrees with its events:
// status, timestamps, driver, problem reason, SLA deadline (from the real SLA engine).
import type { orderEvents, orders } from '../schema';
import { DEFAULT_SLA_POLICIES, resolveSlaPolicy } from '../domain/sla-policy';
import { computeDeadline } from '../domain/sla-engine';
import { ORDER_INTAKE_DEFAULTS } from '../domain/order-intake';
import { DEFAULT_KZ_CALENDAR } from '../domain/working-calendar';
import type { ResolvedDemoOptions } from './demo-options';
import { DEMO_WAREHOUSE_SPECS, pad, type DemoCustomer, type DemoDriver, type DemoWarehouseSpec } from './generate-reference';
import { randomAddress, pickupAddressOf, type DemoAddress } from './demo-addresses';
import { KZ_CITIES, cityByKeyOrThrow } from './kz-geography';
import { COVERAGE_PLANS, randomPlan, type OrderPlan } from './order-plans';
import { orderTimes } from './order-timeline';
import { timelineEvents, type EventActors } from './order-events';
import { Rng, deriveSeed } from './prng';

export type DemoOrderRow = typeof orders.$inferInsert;
export type DemoOrderEvent = typeof orderEvents.$inferInsert;

export interface DemoOrder {
  order: DemoOrderRow;
  events: DemoOrderEvent[];
}

export interface OrderReference {
  customers: readonly DemoCustomer[];
  drivers: readonly DemoDriver[];
}

/** Order numbers people read out: MR-100001, MR-100002, ... */
export const FIRST_ORDER_NUMBER = 100_001;

const CARGO: readonly (readonly [string, number, number])[] = [
  ['Документы', 0.2, 2], ['Бытовая техника', 5, 120], ['Продукты питания', 2, 300], ['Стройматериалы', 50, 3000],
  ['Одежда', 1, 60], ['Автозапчасти', 2, 400], ['Мебель', 30, 800], ['Медикаменты', 1, 80], ['Электроника', 1, 50],
  ['Косметика', 0.5, 30], ['Детские товары', 1, 40], ['Оборудование', 20, 2000],
];

/** Almaty-1 takes 40% of orders, Almaty-2 and Astana 30% each. */
function warehouseFor(rng: Rng): DemoWarehouseSpec {
  const r = rng.next();
  const [a1, a2, ast] = DEMO_WAREHOUSE_SPECS;
  return r < 0.4 ? a1 : r < 0.7 ? a2 : ast;
}

function deliveryAddress(plan: OrderPlan, originCityKey: string, rng: Rng): DemoAddress {
  if (plan.service !== 'intercity') return randomAddress(cityByKeyOrThrow(originCityKey), rng);
  const others = KZ_CITIES.filter((c) => c.key !== originCityKey);
  return randomAddress(rng.pick(others), rng);
}

export function* generateOrders(options: ResolvedDemoOptions, ref: OrderReference): Generator<DemoOrder> {
  const rng = new Rng(deriveSeed(options.seed, 'orders'));
  const { now } = options;
  const calendar = DEFAULT_KZ_CALENDAR;
  const vipCustomers = ref.customers.filter((c) => c.vipNormMinutes != null);
  const driversByWarehouse = new Map<string, DemoDriver[]>();
  for (const d of ref.drivers) {
    const key = d.homeWarehouseId ?? '';
    driversByWarehouse.set(key, [...(driversByWarehouse.get(key) ?? []), d]);
  }

  for (let i = 0; i < options.orders; i++) {
    const drawn = COVERAGE_PLANS[i] ?? randomPlan(rng, options.carriers > 0);
    const plan: OrderPlan = drawn.handling === 'carrier' && options.carriers === 0 ? { ...drawn, handling: 'driver' } : drawn;
    const wh = warehouseFor(rng);
    const pool = plan.vip && vipCustomers.length > 0 ? vipCustomers : ref.customers;
    const customer = pool.length > 0 ? rng.pick(pool) : null;
    const vipNormMinutes = customer?.vipNormMinutes ?? null;
    const policy = resolveSlaPolicy({ serviceType: plan.service, vipNormMinutes }, DEFAULT_SLA_POLICIES);

    const whDrivers = driversByWarehouse.get(wh.id) ?? [];
    // Open orders go to the busy two thirds of the drivers on shift; every third driver on
    // shift, and everyone on a break or off shift, has nothing in work, so the demo shows free
    // drivers (green markers, real suggestions). Finished history goes to anyone.
    const onShift = whDrivers.filter((d) => d.shiftState === 'on_shift');
    const working = onShift.filter((_, k) => k % 3 !== 0);
    const open = plan.status !== 'new' && plan.status !== 'cancelled' && plan.status !== 'delivered' && plan.status !== 'closed';
    const driverPool = open ? (working.length > 0 ? working : onShift) : whDrivers;
    const driver = plan.handling === 'driver' && driverPool.length > 0 ? rng.pick(driverPool) : null;

    const times = orderTimes({ plan, policy, calendar, now, assigned: driver !== null, rng });
    const slaDeadline = computeDeadline({ serviceType: plan.service, vipNormMinutes, confirmedAt: times.confirmedAt }, DEFAULT_SLA_POLICIES, calendar);

    const id = `ord-${pad(i + 1)}`;
    const city = cityByKeyOrThrow(wh.cityKey);
    const pickup = plan.direct ? randomAddress(city, rng) : pickupAddressOf(wh);
    const delivery = deliveryAddress(plan, wh.cityKey, rng);
    const [cargo, minKg, maxKg] = rng.pick(CARGO);
    const weightKg = Math.round(rng.float(minKg, plan.service === 'intercity' ? maxKg : Math.min(maxKg, 500)) * 10) / 10;
    const courierTracking = plan.handling === 'courier' ? `1${rng.digits(9)}` : null;
    const carrierId = plan.handling === 'carrier' ? `car-${pad(rng.int(1, options.carriers))}` : null;
    const dispatcher = rng.chance(0.6) ? { id: 'u-dispatcher-1', name: 'Айгерим Сейткалиева' } : { id: 'u-dispatcher-2', name: 'Дмитрий Ковалёв' };

    const actors: EventActors = { dispatcher, warehouseUserId: `u-warehouse-${wh.id.slice(3)}`, driver, handling: plan.handling };
    const { events, state } = timelineEvents(id, plan, times, actors, rng);

    const order: DemoOrderRow = {
      id,
      number: `MR-${FIRST_ORDER_NUMBER + i}`,
      customerId: customer?.id ?? null,
      customerName: customer?.name ?? 'Частное лицо',
      customerPhone: customer?.phone ?? '',
      customerEmail: customer?.email ?? null,
      pickupAddress: pickup.text,
      pickupLat: pickup.lat,
      pickupLon: pickup.lon,
      deliveryAddress: delivery.text,
      deliveryCity: delivery.city,
      deliveryLat: delivery.lat,
      deliveryLon: delivery.lon,
      warehouseId: plan.direct ? null : wh.id,
      regionId: wh.regionId,
      serviceType: plan.service,
      vipNormMinutes,
      cargoDescription: cargo,
      weightKg,
      volumeM3: Math.round(Math.max(0.01, weightKg / rng.float(150, 400)) * 100) / 100,
      places: Math.max(1, Math.min(40, Math.round(weightKg / rng.float(5, 40)))),
      status: plan.status,
      subMark: state.subMark,
      problemReason: state.problemReason,
      problemComment: state.problemComment,
      statusBeforeProblem: plan.problemFrom,
      driverId: state.assignedAt !== null ? (driver?.id ?? null) : null,
      carrierId,
      // Demo carrier orders have no deal row behind them (the deals are generated per carrier).
      carrierDealId: null,
      courierProvider: courierTracking ? 'cdek' : null,
      courierTrackingNumber: courierTracking,
      assignedBy: state.assignedAt !== null ? dispatcher.id : null,
      assignedAt: state.assignedAt,
      slaDeadline,
      createdAt: times.createdAt,
      confirmedAt: times.confirmedAt,
      pickedAt: state.pickedAt,
      deliveredAt: state.deliveredAt,
      statusChangedAt: state.statusChangedAt,
      updatedAt: state.updatedAt,
      version: events.length,
      ...ORDER_INTAKE_DEFAULTS,
    };
    yield { order, events };
  }
}
