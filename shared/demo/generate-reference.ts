// Reference rows around orders: regions (working calendars), warehouses, desktop users,
// customers and drivers. Regions, warehouses and users are fixed (other code and tests name
// them by id); customers and drivers come from the seed.
import type { customers, drivers, regions, users, warehouses } from '../schema';
import { DEFAULT_KZ_CALENDAR } from '../domain/working-calendar';
import type { ShiftState } from '../domain/vocabulary';
import { formatPhone, kzMobileDigits, landline } from './demo-phones';
import { cityByKeyOrThrow } from './kz-geography';
import { customerCompanyName, fullName, latinLogin, personName } from './people-names';
import { Rng, deriveSeed } from './prng';
import type { ResolvedDemoOptions } from './demo-options';

export type DemoRegion = typeof regions.$inferInsert;
export type DemoWarehouse = typeof warehouses.$inferInsert;
export type DemoUser = typeof users.$inferInsert;
export type DemoCustomer = typeof customers.$inferInsert;
export type DemoDriver = typeof drivers.$inferInsert;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export const DEMO_REGION_IDS = { almaty: 'kz-almaty', astana: 'kz-astana' } as const;

export function demoRegions(now: number): DemoRegion[] {
  const base = {
    utcOffsetMinutes: DEFAULT_KZ_CALENDAR.utcOffsetMinutes,
    workingDays: [...DEFAULT_KZ_CALENDAR.workingDays],
    workStartMinute: DEFAULT_KZ_CALENDAR.workStartMinute,
    workEndMinute: DEFAULT_KZ_CALENDAR.workEndMinute,
    holidays: [...DEFAULT_KZ_CALENDAR.holidays],
    updatedAt: now - 30 * DAY,
  };
  return [
    { id: DEMO_REGION_IDS.almaty, name: 'Алматы и область', ...base },
    { id: DEMO_REGION_IDS.astana, name: 'Астана и Центр', ...base },
  ];
}

/** Two warehouses in Almaty, one in Astana: real industrial streets, approximate coordinates. */
export const DEMO_WAREHOUSE_SPECS = [
  { id: 'wh-almaty-1', name: 'Склад Алматы-1 (Турксиб)', cityKey: 'almaty', address: 'г. Алматы, Турксибский р-н, ул. Бекмаханова, 93', lat: 43.3358, lon: 76.9652, regionId: DEMO_REGION_IDS.almaty },
  { id: 'wh-almaty-2', name: 'Склад Алматы-2 (Рыскулова)', cityKey: 'almaty', address: 'г. Алматы, Алатауский р-н, пр. Рыскулова, 57', lat: 43.2905, lon: 76.853, regionId: DEMO_REGION_IDS.almaty },
  { id: 'wh-astana-1', name: 'Склад Астана (Индустриальный парк)', cityKey: 'astana', address: 'г. Астана, р-н Байконур, ул. Циолковского, 4', lat: 51.1936, lon: 71.3905, regionId: DEMO_REGION_IDS.astana },
] as const;

export type DemoWarehouseSpec = (typeof DEMO_WAREHOUSE_SPECS)[number];

export function demoWarehouses(now: number): DemoWarehouse[] {
  return DEMO_WAREHOUSE_SPECS.map((w) => ({
    id: w.id,
    name: w.name,
    city: cityByKeyOrThrow(w.cityKey).name,
    address: w.address,
    lat: w.lat,
    lon: w.lon,
    regionId: w.regionId,
    updatedAt: now - 30 * DAY,
  }));
}

/** Desktop users by role. Ids are stable: the server's demo tokens and e2e tests use them. */
export const DEMO_USER_SPECS = [
  { id: 'u-dispatcher-1', name: 'Айгерим Сейткалиева', role: 'dispatcher', warehouseId: null },
  { id: 'u-dispatcher-2', name: 'Дмитрий Ковалёв', role: 'dispatcher', warehouseId: null },
  { id: 'u-logistician-1', name: 'Ержан Абдрахманов', role: 'logistician', warehouseId: null },
  { id: 'u-warehouse-almaty-1', name: 'Бауыржан Искаков', role: 'warehouse', warehouseId: 'wh-almaty-1' },
  { id: 'u-warehouse-almaty-2', name: 'Ольга Смирнова', role: 'warehouse', warehouseId: 'wh-almaty-2' },
  { id: 'u-warehouse-astana-1', name: 'Нурлан Касымов', role: 'warehouse', warehouseId: 'wh-astana-1' },
  { id: 'u-supervisor-1', name: 'Гульнара Омарова', role: 'supervisor', warehouseId: null },
  { id: 'u-admin-1', name: 'Тимур Ким', role: 'admin', warehouseId: null },
] as const;

export type DemoUserSpec = (typeof DEMO_USER_SPECS)[number];

export function demoUsers(now: number): DemoUser[] {
  return DEMO_USER_SPECS.map((u) => ({ ...u, active: true, updatedAt: now - 30 * DAY }));
}

const VIP_NORMS_MINUTES = [180, 360, 720, 1440];

export function demoCustomers(options: ResolvedDemoOptions): DemoCustomer[] {
  const rng = new Rng(deriveSeed(options.seed, 'customers'));
  const out: DemoCustomer[] = [];
  for (let i = 0; i < options.customers; i++) {
    const company = rng.chance(0.4);
    const name = company ? customerCompanyName(rng) : fullName(personName(rng));
    const phone = company && rng.chance(0.5) ? landline(rng, rng.chance(0.6) ? '727' : '7172') : formatPhone(kzMobileDigits(rng), rng);
    const login = latinLogin(name.replace(/^(ТОО|ИП)\s+/, '')).slice(0, 16) || `client${i + 1}`;
    out.push({
      id: `cus-${pad(i + 1)}`,
      name,
      phone,
      email: rng.chance(0.6) ? `${login}${rng.int(1, 99)}@${company ? 'mail.kz' : rng.pick(['gmail.com', 'mail.ru', 'inbox.kz'])}` : null,
      // A few contract customers; the first always, so even a tiny data set has one.
      vipNormMinutes: i === 0 || rng.chance(0.05) ? rng.pick(VIP_NORMS_MINUTES) : null,
      updatedAt: options.now - rng.int(1, 400) * DAY,
    });
  }
  return out;
}

const DRIVER_VEHICLES: readonly (readonly [string, number])[] = [
  ['Газель Next', 1500], ['Ford Transit', 1400], ['Hyundai Porter II', 1000], ['Isuzu NMR', 3500],
  ['Lada Largus', 700], ['Mercedes-Benz Sprinter', 1500], ['Foton Aumark', 3000], ['JAC N56', 3000],
  ['Hyundai H-1', 800], ['Kia Bongo III', 1000],
];
const PLATE_LETTERS = 'ABCDEFHKMOPTXY';

/** Kazakh plate since 2012: three digits, three letters, region code ("123 ABC 02"). */
export function kzPlate(rng: Rng, region: string): string {
  let letters = '';
  for (let i = 0; i < 3; i++) letters += PLATE_LETTERS.charAt(rng.int(0, PLATE_LETTERS.length - 1));
  return `${rng.digits(3)} ${letters} ${region}`;
}

/**
 * Drivers spread over the warehouses (about 4:3:3). Roughly 55% on shift with fresh fixes
 * near their warehouse (some stale: the phone stopped reporting), 15% on a break standing
 * still, 30% off shift with an old last position or none.
 */
export function demoDrivers(options: ResolvedDemoOptions): DemoDriver[] {
  const rng = new Rng(deriveSeed(options.seed, 'drivers'));
  const { now } = options;
  const out: DemoDriver[] = [];
  for (let i = 0; i < options.drivers; i++) {
    const wh = DEMO_WAREHOUSE_SPECS[i % 10 < 4 ? 0 : i % 10 < 7 ? 1 : 2];
    const [vehicle, capacityKg] = rng.pick(DRIVER_VEHICLES);
    const name = personName(rng, rng.chance(0.95) ? 'm' : 'f');
    // The first three drivers cover every shift state whatever the count.
    const shiftState: ShiftState = i === 0 ? 'on_shift' : i === 1 ? 'on_break' : i === 2 ? 'off_shift' : rng.weighted([['on_shift', 55], ['on_break', 15], ['off_shift', 30]] as const);
    const stale = shiftState === 'on_shift' && (i === 3 || rng.chance(0.12));
    const lat = wh.lat + rng.spread(0.09);
    const lon = wh.lon + rng.spread(0.13);
    const moving = shiftState === 'on_shift' && !stale && rng.chance(0.65);
    let fixAt: number | null;
    if (shiftState === 'on_shift') fixAt = stale ? now - rng.int(15, 180) * MIN : now - rng.int(2, 90) * 1000;
    else if (shiftState === 'on_break') fixAt = now - rng.int(1, 12) * MIN;
    else fixAt = rng.chance(0.6) ? now - rng.int(3, 60) * HOUR : null;
    const hasFix = fixAt !== null;
    out.push({
      id: `drv-${pad(i + 1, 3)}`,
      name: fullName(name),
      phone: formatPhone(kzMobileDigits(rng), rng),
      vehicle,
      vehiclePlate: kzPlate(rng, cityByKeyOrThrow(wh.cityKey).plateRegion),
      capacityKg,
      homeWarehouseId: wh.id,
      shiftState,
      shiftChangedAt: shiftState === 'off_shift' ? now - rng.int(2, 20) * HOUR : now - rng.int(5, 480) * MIN,
      lat: hasFix ? round6(lat) : null,
      lon: hasFix ? round6(lon) : null,
      headingDeg: hasFix ? rng.int(0, 359) : null,
      speedKmh: hasFix ? (moving ? rng.int(12, 62) : 0) : null,
      accuracyM: hasFix ? rng.int(3, 25) : null,
      battery: hasFix ? rng.int(12, 100) : null,
      charging: hasFix ? rng.chance(0.3) : null,
      fixAt,
      updatedAt: fixAt ?? now - rng.int(1, 30) * DAY,
      version: 1,
    });
  }
  return out;
}

export function pad(n: number, width = 6): string {
  return String(n).padStart(width, '0');
}

export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
