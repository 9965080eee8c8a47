// FAKE data for renderer tests and the dev preview only (never shipped as the app's data):
// a deterministic Almaty-like city of orders and drivers, sized by the caller.
import type { CarrierSearchResult } from '../../../shared/api/carriers-api';
import type { OrderProofsView } from '../../../shared/api/driver-phone-api';
import type { DriverRow, OrderEventRow, OrderRow, WarehouseRow } from '../../../shared/schema';
import { ORDER_INTAKE_DEFAULTS } from '../../../shared/domain/order-intake';
import { computeDeadline } from '../../../shared/domain/sla-engine';
import { testOrderRow } from '../../../shared/testing/order-row';
import { DEFAULT_SLA_POLICIES } from '../../../shared/domain/sla-policy';
import { DEFAULT_KZ_CALENDAR } from '../../../shared/domain/working-calendar';
import { PROBLEM_REASONS, SERVICE_TYPES, type OrderStatus, type ShiftState } from '../../../shared/domain/vocabulary';

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CENTER = { lat: 43.2389, lon: 76.8897 };
const FIRST = ['Арман', 'Ерлан', 'Данияр', 'Айгерим', 'Нурлан', 'Бауыржан', 'Асель', 'Тимур', 'Руслан', 'Жанна', 'Сергей', 'Олег'];
const LAST = ['Ахметов', 'Садыков', 'Ким', 'Искаков', 'Жумабаев', 'Петров', 'Нуркенов', 'Тулегенов', 'Омаров', 'Ли'];
const CUSTOMERS = ['ТОО «Алма Трейд»', 'ИП Сейткали', 'Kaspi Магазин', 'ТОО «Астана Фарм»', 'Technodom', 'Sulpak', 'ТОО «Береке»', 'Magnum', 'ИП Волкова', 'ТОО «Дала Логистик»'];
const STREETS = ['пр. Абая', 'ул. Толе би', 'пр. Достык', 'ул. Сатпаева', 'пр. Аль-Фараби', 'ул. Жандосова', 'ул. Розыбакиева', 'пр. Райымбека', 'ул. Гоголя', 'ул. Шевченко'];

export interface FakeWorld {
  orders: OrderRow[];
  events: OrderEventRow[];
  drivers: DriverRow[];
  warehouses: WarehouseRow[];
  /** Orders with a customer tracking link (made by the "server" when a link is first sent). */
  trackingUrls: Record<string, string>;
  /** Proof of delivery per order, and the files it points to (fileId -> data URL). */
  proofs: Record<string, OrderProofsView>;
  files: Record<string, string>;
  /** The carrier base as the search answers it (issue 16): passed, pending and blacklisted. */
  carriers: CarrierSearchResult[];
}

export interface FakeWorldOptions {
  orders: number;
  drivers: number;
  now: number;
  seed?: number;
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)] as T;
}

function near(rnd: () => number, spread: number): { lat: number; lon: number } {
  return { lat: CENTER.lat + (rnd() - 0.5) * spread, lon: CENTER.lon + (rnd() - 0.5) * spread * 1.4 };
}

const STATUS_WEIGHTS: readonly [OrderStatus, number][] = [
  ['new', 0.12],
  ['confirmed', 0.2],
  ['at_warehouse', 0.15],
  ['in_transit', 0.25],
  ['problem', 0.03],
  ['delivered', 0.15],
  ['closed', 0.07],
  ['cancelled', 0.03],
];

function pickStatus(rnd: () => number): OrderStatus {
  let r = rnd();
  for (const [s, w] of STATUS_WEIGHTS) {
    if (r < w) return s;
    r -= w;
  }
  return 'in_transit';
}

export function makeFakeWorld(opts: FakeWorldOptions): FakeWorld {
  const rnd = seededRandom(opts.seed ?? 42);
  const { now } = opts;
  const warehouses: WarehouseRow[] = [
    { id: 'wh-1', name: 'Склад Алатау', city: 'Алматы', address: 'ул. Бекмаханова 93', lat: 43.305, lon: 76.93, regionId: 'almaty', shiftStartAlertMinute: null, updatedAt: now },
    { id: 'wh-2', name: 'Склад Аэропорт', city: 'Алматы', address: 'ул. Майлина 2', lat: 43.352, lon: 77.01, regionId: 'almaty', shiftStartAlertMinute: null, updatedAt: now },
    { id: 'wh-3', name: 'Склад Юг', city: 'Алматы', address: 'пр. Аль-Фараби 77', lat: 43.205, lon: 76.9, regionId: 'almaty', shiftStartAlertMinute: null, updatedAt: now },
  ];
  const drivers: DriverRow[] = [];
  for (let i = 0; i < opts.drivers; i++) {
    const p = near(rnd, 0.18);
    const shift: ShiftState = rnd() < 0.75 ? 'on_shift' : rnd() < 0.5 ? 'on_break' : 'off_shift';
    const stale = rnd() < 0.06;
    drivers.push({
      id: `drv-${i + 1}`,
      name: `${pick(rnd, FIRST)} ${pick(rnd, LAST)}`,
      phone: `+7 701 ${String(1000000 + Math.floor(rnd() * 8999999)).slice(0, 7)}`,
      vehicle: rnd() < 0.5 ? 'Газель' : 'Lada Largus',
      vehiclePlate: `${100 + i}ABC02`,
      capacityKg: 1500,
      homeWarehouseId: pick(rnd, warehouses).id,
      shiftState: shift,
      shiftChangedAt: now - 3 * 3_600_000,
      lat: p.lat,
      lon: p.lon,
      headingDeg: Math.floor(rnd() * 360),
      speedKmh: Math.floor(rnd() * 50),
      accuracyM: 8,
      battery: Math.round(20 + rnd() * 80),
      charging: false,
      fixAt: stale ? now - 12 * 60_000 : now - Math.floor(rnd() * 20_000),
      updatedAt: now,
      version: 1,
      ...ORDER_INTAKE_DEFAULTS,
    });
  }
  const orders: OrderRow[] = [];
  const events: OrderEventRow[] = [];
  for (let i = 0; i < opts.orders; i++) {
    const status = pickStatus(rnd);
    const serviceType = pick(rnd, SERVICE_TYPES);
    const vip = rnd() < 0.05 ? 180 : null;
    // Skewed to recent: most orders arrived today, a tail reaches back over a day.
    const createdAt = now - Math.floor(rnd() ** 2.5 * 30 * 3_600_000);
    const confirmedAt = status === 'new' ? null : createdAt + Math.floor(rnd() * 40 * 60_000);
    const wh = rnd() < 0.9 ? pick(rnd, warehouses) : null;
    const drop = near(rnd, 0.2);
    const assigned = ['at_warehouse', 'in_transit', 'delivered', 'closed', 'problem'].includes(status) || (status === 'confirmed' && rnd() < 0.4);
    const driver = assigned && drivers.length > 0 ? pick(rnd, drivers) : null;
    const deadline = computeDeadline({ serviceType, vipNormMinutes: vip, confirmedAt }, DEFAULT_SLA_POLICIES, DEFAULT_KZ_CALENDAR);
    const delivered = status === 'delivered' || status === 'closed';
    const id = `ord-${i + 1}`;
    const customer = pick(rnd, CUSTOMERS);
    orders.push(
      testOrderRow({
        id,
        number: `AL-${String(100000 + i)}`,
        customerName: customer,
        customerPhone: `+7 777 ${String(1000000 + i).slice(-7)}`,
        pickupAddress: wh ? wh.address : `${pick(rnd, STREETS)}, ${Math.floor(rnd() * 200) + 1}`,
        pickupLat: wh ? wh.lat : near(rnd, 0.2).lat,
        pickupLon: wh ? wh.lon : near(rnd, 0.2).lon,
        deliveryAddress: `${pick(rnd, STREETS)}, ${Math.floor(rnd() * 200) + 1}`,
        deliveryCity: 'Алматы',
        deliveryLat: drop.lat,
        deliveryLon: drop.lon,
        warehouseId: wh?.id ?? null,
        regionId: 'almaty',
        serviceType,
        vipNormMinutes: vip,
        cargoDescription: 'Коробки',
        weightKg: Math.round(rnd() * 300),
        volumeM3: Math.round(rnd() * 30) / 10,
        places: 1 + Math.floor(rnd() * 6),
        status,
        subMark: status === 'in_transit' ? 'on_route' : null,
        problemReason: status === 'problem' ? pick(rnd, PROBLEM_REASONS) : null,
        problemComment: status === 'problem' ? 'Клиент не отвечает на звонки' : null,
        statusBeforeProblem: status === 'problem' ? 'in_transit' : null,
        driverId: driver?.id ?? null,
        assignedBy: driver ? 'Диспетчер Айгерим' : null,
        assignedAt: driver ? (confirmedAt ?? createdAt) + 600_000 : null,
        slaDeadline: deadline,
        createdAt,
        confirmedAt,
        pickedAt: ['at_warehouse', 'in_transit', 'delivered', 'closed'].includes(status) ? (confirmedAt ?? createdAt) + 3_600_000 : null,
        deliveredAt: delivered ? Math.min(now, (deadline ?? now) - 3_600_000 + Math.floor(rnd() * 2 * 3_600_000)) : null,
        statusChangedAt: Math.min(now, (confirmedAt ?? createdAt) + 1_800_000),
        updatedAt: now,
      }),
    );
    events.push({ id: `${id}-e1`, orderId: id, kind: 'created', at: createdAt, fromStatus: null, toStatus: 'new', subMark: null, actor: 'system', actorId: null, actorName: null, source: 'import', reason: null, comment: null, driverId: null, changes: null, handover: null });
    if (confirmedAt) {
      events.push({ id: `${id}-e2`, orderId: id, kind: 'status', at: confirmedAt, fromStatus: 'new', toStatus: 'confirmed', subMark: null, actor: 'dispatcher', actorId: 'u-1', actorName: 'Айгерим Садыкова', source: 'manual', reason: null, comment: null, driverId: null, changes: null, handover: null });
    }
  }
  // Confirmed orders got their tracking link with the "confirmed" message.
  const trackingUrls = Object.fromEntries(orders.filter((o) => o.confirmedAt !== null).map((o) => [o.id, `https://track.example.kz/t/fake-${o.id}`]));
  return { orders, events, drivers, warehouses, trackingUrls, proofs: {}, files: {}, carriers: fakeCarriers() };
}

function fakeCarrier(id: string, name: string, over: Partial<CarrierSearchResult>): CarrierSearchResult {
  return {
    id, name, taxId: '', phone: '+7 701 555 12 34', phoneNormalized: '77015551234', email: null, contactPerson: 'Ербол',
    baseCity: 'Алматы', currentCity: null, availableFrom: null, rating: 4.5, securityCheck: 'passed', securityCheckedAt: null,
    blacklisted: false, reason: { tier: 'lane' }, flags: [], reliability: 0.95, dealsOk: 19, dealsProblem: 1,
    lastRate: { kind: 'deal', rate: 180_000, currency: 'KZT', at: 0, fromCity: 'Алматы', toCity: 'Астана' },
    vehicles: [{ id: `${id}-v1`, type: 'tent', tonnage: 20, volumeM3: 82, refrigerated: false, adrClasses: '', oversize: false, plate: '123 ABC 02' }],
    vehiclesMatching: 1,
    ...over,
  };
}

/** Three carriers on the Almaty-Astana direction: one checked, one not yet, one on the blacklist. */
export function fakeCarriers(): CarrierSearchResult[] {
  return [
    fakeCarrier('c-1', 'ТОО Жол Транс', {}),
    fakeCarrier('c-2', 'ИП Сейтказиев', { securityCheck: 'pending', phone: '+7 702 111 22 33', rating: 4.8 }),
    fakeCarrier('c-3', 'ТОО Быстрый Груз', { blacklisted: true, rating: 2 }),
  ];
}
