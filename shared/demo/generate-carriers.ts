// The carrier base: companies with vehicles, the lanes they run, offers they made and past
// deals. A generator, one carrier with its child rows at a time: 100k carriers bring about a
// million lanes and offers, and a loader can stream them straight into SQLite.
import type { carrierDeals, carrierLanes, carrierOffers, carriers, carrierVehicles } from '../schema';
import { normalizePhone } from '../carriers/normalize-phone';
import { binCheckDigit, inn10CheckDigit } from '../carriers/tax-id';
import { distanceMeters } from '../domain/geo';
import type { DealOutcome, SecurityCheckState, VehicleType } from '../domain/vocabulary';
import type { ResolvedDemoOptions } from './demo-options';
import { formatPhone, kzMobileDigits, ruMobileDigits } from './demo-phones';
import { kzPlate, pad, round6 } from './generate-reference';
import { KZ_CITIES, LANE_CITIES, RU_PLATE_REGIONS, type LaneCity } from './kz-geography';
import { carrierCompanyName, fullName, latinLogin, personName } from './people-names';
import { Rng, deriveSeed } from './prng';

export type DemoCarrierRow = typeof carriers.$inferInsert;
export type DemoCarrierVehicle = typeof carrierVehicles.$inferInsert;
export type DemoCarrierLane = typeof carrierLanes.$inferInsert;
export type DemoCarrierOffer = typeof carrierOffers.$inferInsert;
export type DemoCarrierDeal = typeof carrierDeals.$inferInsert;

export interface DemoCarrier {
  carrier: DemoCarrierRow;
  vehicles: DemoCarrierVehicle[];
  lanes: DemoCarrierLane[];
  offers: DemoCarrierOffer[];
  deals: DemoCarrierDeal[];
}

const DAY = 86_400_000;

/** Tonnage choices, typical volume per tonne, and rate per km (KZT) for a full load. */
const VEHICLE_SPECS: Readonly<Record<VehicleType, { tons: readonly number[]; m3PerTon: number; perKm: number; weight: number }>> = {
  tent: { tons: [5, 10, 20, 22], m3PerTon: 4.2, perKm: 400, weight: 35 },
  refrigerator: { tons: [3, 5, 10, 20], m3PerTon: 4, perKm: 500, weight: 15 },
  flatbed: { tons: [10, 20, 25], m3PerTon: 2.5, perKm: 430, weight: 12 },
  container: { tons: [20, 25, 30], m3PerTon: 2.2, perKm: 420, weight: 8 },
  tanker: { tons: [15, 25, 30], m3PerTon: 1.2, perKm: 520, weight: 5 },
  van: { tons: [1.5, 2, 3.5], m3PerTon: 6, perKm: 200, weight: 18 },
  car: { tons: [0.5, 1], m3PerTon: 4, perKm: 140, weight: 7 },
};
const VEHICLE_WEIGHTS = (Object.keys(VEHICLE_SPECS) as VehicleType[]).map((t) => [t, VEHICLE_SPECS[t].weight] as const);

const NOTES = [
  'Работает без предоплаты', 'Есть GPS-трекинг на всех машинах', 'Предпочитает рейсы в Россию',
  'Быстро отвечает в WhatsApp', 'Требует 50% предоплаты', 'Опыт перевозки опасных грузов',
  'Документы на границу оформляет сам', 'Берёт догрузы', 'Работает с НДС', 'Только по безналу',
];
const PROBLEM_NOTES = ['Опоздал на загрузку на 6 часов', 'Повреждение груза при разгрузке', 'Сорван срок доставки', 'Не вышел на связь в пути'];
const RU_PLATE_LETTERS = 'АВЕКМНОРСТУХ';

/** Road distance estimate (km): great circle times a road factor. */
function roadKm(a: LaneCity, b: LaneCity): number {
  return (distanceMeters(a, b) / 1000) * 1.25;
}

const KZ_LANE_CITIES = LANE_CITIES.filter((c) => c.country === 'KZ');
const RU_LANE_CITIES = LANE_CITIES.filter((c) => c.country === 'RU');
const CITY_WEIGHTS = LANE_CITIES.map((c) => [c, c.weight] as const);
const KZ_CITY_WEIGHTS = KZ_LANE_CITIES.map((c) => [c, c.weight] as const);
const RU_CITY_WEIGHTS = RU_LANE_CITIES.map((c) => [c, c.weight] as const);
const LANE_CITY_BY_NAME: ReadonlyMap<string, LaneCity> = new Map(LANE_CITIES.map((c) => [c.name, c]));
const KZ_PLATE_REGION_BY_NAME: ReadonlyMap<string, string> = new Map(KZ_CITIES.map((c) => [c.name, c.plateRegion]));

/**
 * A tax id that passes checkTaxId, so demo carriers import and dedupe like real ones. The
 * random draws are the same as before check digits existed (the last drawn digit is replaced),
 * so every other generated value stays where it was for a given seed.
 */
function taxId(rng: Rng, russian: boolean, individual: boolean): string {
  if (russian) {
    const first9 = rng.digits(10).slice(0, 9); // INN of a Russian company
    return `${first9}${inn10CheckDigit(first9)}`;
  }
  // BIN: registration year and month, entity type (4 = legal entity), branch flag, serial, check.
  // IIN: birth date, then serial, check.
  const yy = String(rng.int(0, 24)).padStart(2, '0');
  const mm = String(rng.int(1, 12)).padStart(2, '0');
  const head = individual ? `${String(rng.int(60, 99))}${mm}${String(rng.int(1, 28)).padStart(2, '0')}${rng.digits(6)}` : `${yy}${mm}40${rng.digits(6)}`;
  return withBinCheckDigit(head.slice(0, 11));
}

/** Appends the check digit; a serial with none (about 1 in 11) steps its last digit until it has one. */
function withBinCheckDigit(first11: string): string {
  const stem = first11.slice(0, 10);
  const last = Number(first11.charAt(10));
  for (let step = 0; step < 10; step++) {
    const candidate = `${stem}${(last + step) % 10}`;
    const check = binCheckDigit(candidate);
    if (check !== null) return `${candidate}${check}`;
  }
  // Unreachable: the second weighting leaves at most a few last digits without a check digit.
  throw new Error(`no BIN check digit for ${first11}`);
}

function ruPlate(rng: Rng, region: string): string {
  const l = () => RU_PLATE_LETTERS.charAt(rng.int(0, RU_PLATE_LETTERS.length - 1));
  return `${l()}${rng.digits(3)}${l()}${l()} ${region}`;
}

function rateFor(rng: Rng, km: number, type: VehicleType, tons: number): number {
  const spec = VEHICLE_SPECS[type];
  const maxTons = spec.tons[spec.tons.length - 1] ?? tons;
  // Smaller trucks of a class cost less per km, but not proportionally.
  const perKm = spec.perKm * (0.6 + 0.4 * (tons / maxTons)) * rng.float(0.85, 1.2);
  return Math.max(30_000, Math.round((km * perKm) / 1000) * 1000);
}

export function* generateCarriers(options: ResolvedDemoOptions): Generator<DemoCarrier> {
  const rng = new Rng(deriveSeed(options.seed, 'carriers'));
  const { now } = options;
  for (let i = 0; i < options.carriers; i++) {
    const id = `car-${pad(i + 1)}`;
    const russian = rng.chance(0.12);
    const base = rng.weighted(russian ? RU_CITY_WEIGHTS : KZ_CITY_WEIGHTS);
    const name = carrierCompanyName(rng, russian);
    const individual = name.startsWith('ИП ');
    const phone = formatPhone(russian ? ruMobileDigits(rng) : kzMobileDigits(rng), rng);
    const createdAt = now - rng.int(20, 1500) * DAY;
    // "A few" blacklisted: one in 250, and the third carrier so small sets have one too.
    const blacklisted = i === 2 || rng.chance(0.004);
    // The first two cover the other check states, likewise.
    const securityCheck: SecurityCheckState = blacklisted ? 'failed' : i === 0 ? 'passed' : i === 1 ? 'pending' : rng.weighted([['passed', 75], ['pending', 20], ['failed', 5]] as const);
    const contact = personName(rng, rng.chance(0.85) ? 'm' : 'f');
    const located = rng.chance(0.3);
    const current = located ? rng.weighted(CITY_WEIGHTS) : null;

    const vehicles: DemoCarrierVehicle[] = [];
    const vehicleCount = rng.weighted([[1, 45], [2, 30], [3, 15], [4, 10]] as const);
    for (let v = 0; v < vehicleCount; v++) {
      const type = rng.weighted(VEHICLE_WEIGHTS);
      const spec = VEHICLE_SPECS[type];
      const tonnage = rng.pick(spec.tons);
      const adr = type === 'tanker' ? rng.pick(['3', '2,3', '3,8', '2']) : type === 'tent' && rng.chance(0.1) ? rng.pick(['3,8,9', '8', '9']) : '';
      vehicles.push({
        id: `${id}-v${v + 1}`, carrierId: id, type, tonnage,
        volumeM3: Math.round(tonnage * spec.m3PerTon),
        refrigerated: type === 'refrigerator',
        adrClasses: adr,
        oversize: type === 'flatbed' && rng.chance(0.3),
        plate: russian ? ruPlate(rng, RU_PLATE_REGIONS[base.name] ?? '77') : kzPlate(rng, KZ_PLATE_REGION_BY_NAME.get(base.name) ?? '02'),
        updatedAt: createdAt + rng.int(0, 10) * DAY,
      });
    }

    const lanes: DemoCarrierLane[] = [];
    const seen = new Set<string>();
    const laneCount = rng.weighted([[1, 10], [2, 15], [3, 18], [4, 16], [5, 13], [6, 10], [7, 8], [8, 6], [9, 4]] as const);
    for (let attempt = 0; lanes.length < laneCount && attempt < laneCount * 4; attempt++) {
      // Most lanes start at home; some are return legs or runs between other cities.
      const r = rng.next();
      const returnLeg = r >= 0.6 && r < 0.8;
      const from = r < 0.6 ? base : rng.weighted(CITY_WEIGHTS);
      const to = returnLeg ? base : rng.weighted(russian ? KZ_CITY_WEIGHTS : CITY_WEIGHTS);
      const key = `${from.name}|${to.name}`;
      if (from.name === to.name || seen.has(key)) continue;
      seen.add(key);
      lanes.push({ id: `${id}-l${lanes.length + 1}`, carrierId: id, fromCity: from.name, toCity: to.name, updatedAt: createdAt + rng.int(0, 30) * DAY });
    }

    const offers: DemoCarrierOffer[] = [];
    const offerCount = rng.weighted([[0, 8], [1, 8], [2, 10], [3, 10], [4, 10], [5, 10], [6, 10], [7, 10], [8, 9], [9, 8], [10, 7]] as const);
    for (let o = 0; o < offerCount; o++) {
      const lane = lanes.length > 0 && rng.chance(0.85) ? rng.pick(lanes) : null;
      const from = lane ? LANE_CITY_BY_NAME.get(lane.fromCity) ?? base : rng.weighted(CITY_WEIGHTS);
      const to = lane ? LANE_CITY_BY_NAME.get(lane.toCity) ?? base : rng.weighted(CITY_WEIGHTS);
      if (from.name === to.name) continue;
      const vehicle = rng.pick(vehicles);
      const offeredAt = Math.max(createdAt, now - rng.int(0, 120 * 24 * 60) * 60_000);
      offers.push({
        id: `${id}-o${offers.length + 1}`, carrierId: id, fromCity: from.name, toCity: to.name,
        vehicleType: vehicle.type, rate: rateFor(rng, roadKm(from, to), vehicle.type, vehicle.tonnage),
        currency: 'KZT', offeredAt, updatedAt: offeredAt,
      });
    }

    const deals: DemoCarrierDeal[] = [];
    const dealCount = lanes.length === 0 ? 0 : rng.weighted([[0, 25], [1, 30], [2, 25], [3, 12], [4, 8]] as const);
    let problems = 0;
    for (let d = 0; d < dealCount; d++) {
      const lane = rng.pick(lanes);
      const from = LANE_CITY_BY_NAME.get(lane.fromCity) ?? base;
      const to = LANE_CITY_BY_NAME.get(lane.toCity) ?? base;
      const vehicle = rng.pick(vehicles);
      const outcome: DealOutcome = blacklisted ? 'problem' : rng.weighted([['success', 85], ['problem', 10], ['cancelled', 5]] as const);
      if (outcome === 'problem') problems++;
      const dealAt = Math.max(createdAt + DAY, now - rng.int(5, 540) * DAY);
      deals.push({
        id: `${id}-d${d + 1}`, carrierId: id, orderId: null, fromCity: from.name, toCity: to.name,
        vehicleType: vehicle.type, rate: rateFor(rng, roadKm(from, to), vehicle.type, vehicle.tonnage), currency: 'KZT',
        dealAt, outcome, note: outcome === 'problem' ? rng.pick(PROBLEM_NOTES) : '', updatedAt: dealAt,
      });
    }

    const rating = blacklisted ? rng.float(1, 2.5) : Math.max(2.5, Math.min(5, rng.float(3.6, 5) - problems * 0.4));
    const notes = blacklisted ? `В чёрном списке: ${rng.pick(PROBLEM_NOTES).toLowerCase()}` : rng.chance(0.35) ? rng.pick(NOTES) : '';
    const login = latinLogin(name.replace(/^(ТОО|ИП|ООО)\s+/, '')).slice(0, 14) || `carrier${i + 1}`;
    const carrier: DemoCarrierRow = {
      id, name, taxId: taxId(rng, russian, individual), phone, phoneNormalized: normalizePhone(phone),
      email: rng.chance(0.5) ? `${login}@${russian ? 'mail.ru' : rng.pick(['mail.kz', 'gmail.com', 'inbox.kz'])}` : null,
      contactPerson: fullName(contact), baseCity: base.name,
      currentCity: current?.name ?? null,
      currentLat: current ? round6(current.lat + rng.spread(0.04)) : null,
      currentLon: current ? round6(current.lon + rng.spread(0.06)) : null,
      availableFrom: current ? now + rng.int(0, 10 * 24) * 3_600_000 : null,
      rating: Math.round(rating * 10) / 10,
      securityCheck,
      securityCheckedAt: securityCheck === 'pending' ? null : createdAt + rng.int(1, 14) * DAY,
      blacklisted, notes, createdAt,
      updatedAt: Math.min(now, createdAt + rng.int(0, 400) * DAY),
      version: 1,
    };
    yield { carrier, vehicles, lanes, offers, deals };
  }
}
