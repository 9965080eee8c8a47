import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarrierFilters, SearchCarriersRequest } from '../../shared/api/carriers-api';
import type { Replica } from '../db/open-replica';
import { addCarrier, addDeal, addLane, addOffer, addVehicle, DAY, memoryReplica, T0 } from './carrier-fixtures';
import { readCarrierCities } from './carrier-cities';
import { countCarriers } from './count-carriers';
import { resolveDirection, searchCarriers } from './search-carriers';

let r: Replica;
const ids: Record<string, string> = {};

beforeAll(() => {
  r = memoryReplica();
  const deal = addCarrier(r, { name: 'ТрансЛогистик', taxId: '990340001234', phone: '+7 701 123 45 67', contactPerson: 'Серик Ахметов', rating: 3, baseCity: 'Алматы' });
  addVehicle(r, deal.id, { type: 'tent', tonnage: 20, volumeM3: 86, adrClasses: '3,8' });
  addDeal(r, deal.id, { fromCity: 'Алматы', toCity: 'Астана', rate: 420_000, dealAt: T0 - 40 * DAY });
  addDeal(r, deal.id, { fromCity: 'Алматы', toCity: 'Астана', rate: 450_000, dealAt: T0 - 5 * DAY });
  addDeal(r, deal.id, { fromCity: 'Алматы', toCity: 'Астана', rate: 999_000, dealAt: T0 - 2 * DAY, outcome: 'cancelled' });
  addDeal(r, deal.id, { fromCity: 'Шымкент', toCity: 'Астана', outcome: 'problem' });
  ids.deal = deal.id;

  const offer = addCarrier(r, { name: 'KazCargo Express', taxId: '7707083893', phone: '8 (777) 555-01-02', rating: 5, notes: 'работает с рефрижераторами, ночные рейсы' });
  addVehicle(r, offer.id, { type: 'refrigerator', tonnage: 10, volumeM3: 40, refrigerated: true });
  addOffer(r, offer.id, { fromCity: 'Алматы', toCity: 'Астана', rate: 380_000, offeredAt: T0 - 3 * DAY });
  addOffer(r, offer.id, { fromCity: 'Алматы', toCity: 'Астана', rate: 390_000, offeredAt: T0 - DAY });
  ids.offer = offer.id;

  const lane = addCarrier(r, { name: 'Степной Путь', phone: '7012223344', rating: 4.5 });
  addVehicle(r, lane.id, { type: 'flatbed', tonnage: 30, volumeM3: 0, oversize: true });
  addLane(r, lane.id, 'Алматы', 'Астана');
  ids.lane = lane.id;

  const near = addCarrier(r, { name: 'Каскелен Авто', currentCity: 'Каскелен', rating: 4, availableFrom: T0 + 2 * DAY, securityCheck: 'pending' });
  addVehicle(r, near.id, { type: 'tanker', tonnage: 25, volumeM3: 30, adrClasses: '2,3' });
  ids.near = near.id;

  const black = addCarrier(r, { name: 'Чёрный Список ТОО', blacklisted: true, rating: 5 });
  addVehicle(r, black.id, { type: 'tent', tonnage: 22 });
  for (let i = 0; i < 9; i++) addDeal(r, black.id, { fromCity: 'Алматы', toCity: 'Астана', dealAt: T0 - i * DAY });
  ids.black = black.id;

  const failed = addCarrier(r, { name: 'Проверка Не Пройдена', securityCheck: 'failed', rating: 5 });
  addVehicle(r, failed.id, { type: 'tent', tonnage: 22 });
  addDeal(r, failed.id, { fromCity: 'Алматы', toCity: 'Астана' });
  ids.failed = failed.id;

  const elsewhere = addCarrier(r, { name: 'Восток Транзит', baseCity: 'Павлодар', rating: 5 });
  addVehicle(r, elsewhere.id, { type: 'van', tonnage: 3, volumeM3: 18 });
  addLane(r, elsewhere.id, 'Павлодар', 'Астана');
  ids.elsewhere = elsewhere.id;
});

afterAll(() => r.close());

function search(req: SearchCarriersRequest) {
  return searchCarriers({ replica: r, knownCities: () => readCarrierCities(r) }, req);
}
function count(f: CarrierFilters, cap?: number) {
  return countCarriers(r, resolveDirection(f, readCarrierCities(r)), f, cap);
}
function found(req: SearchCarriersRequest): string[] {
  const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
  return search(req).results.map((x) => byId[x.id] ?? x.id);
}

describe('searchCarriers ranking on a direction', () => {
  it('past deal beats offer beats lane beats location; flagged carriers come last, marked', () => {
    const res = search({ fromCity: 'Алматы', toCity: 'Астана' });
    expect(found({ fromCity: 'Алматы', toCity: 'Астана' })).toEqual(['deal', 'offer', 'lane', 'near', 'black', 'failed']);
    expect(res.hasMore).toBe(false);
    expect(count({ fromCity: 'Алматы', toCity: 'Астана' })).toEqual({ total: 6, capped: false });
    const [deal, offer, lane, near, black, failed] = res.results;
    expect(deal?.reason).toEqual({ tier: 'deals', dealsOk: 2, lastRate: 450_000, lastAt: T0 - 5 * DAY });
    // The cancelled deal is not a rate anyone paid; the latest rate is the last real deal.
    expect(deal?.lastRate).toMatchObject({ kind: 'deal', rate: 450_000, currency: 'KZT', at: T0 - 5 * DAY });
    expect(deal?.reliability).toBeCloseTo(2 / 3);
    expect(deal?.phone).toBe('+7 701 123 45 67');
    expect(deal?.phoneNormalized).toBe('77011234567');
    expect(offer?.reason).toEqual({ tier: 'offers', offers: 2, lastRate: 390_000, lastAt: T0 - DAY });
    expect(lane?.reason).toEqual({ tier: 'lane' });
    expect(near?.reason).toEqual({ tier: 'location', city: 'Каскелен', distanceKm: expect.any(Number), availableFrom: T0 + 2 * DAY });
    expect(near?.flags).toEqual(['security_pending']);
    expect(black?.flags).toEqual(['blacklisted']);
    expect(failed?.flags).toEqual(['security_failed']);
  });

  it('resolves typed city names in either script', () => {
    const res = search({ fromCity: 'almaty', toCity: 'астана' });
    expect(res.fromCity).toBe('Алматы');
    expect(res.toCity).toBe('Астана');
    expect(res.results[0]?.id).toBe(ids.deal);
  });

  it('a direction given by one end only', () => {
    // Both declared a lane to Astana: the better-rated one first.
    expect(found({ toCity: 'Астана' })).toEqual(['deal', 'offer', 'elsewhere', 'lane', 'black', 'failed']);
    expect(found({ fromCity: 'Павлодар' })).toEqual(['elsewhere']);
  });

  it('pages keep the ranking order', () => {
    expect(search({ fromCity: 'Алматы', toCity: 'Астана', offset: 2, limit: 2 }).results.map((x) => x.id)).toEqual([ids.lane, ids.near]);
  });
});

describe('searchCarriers filters', () => {
  const dir = { fromCity: 'Алматы', toCity: 'Астана' } as const;
  it('vehicle type, tonnage and volume', () => {
    expect(found({ ...dir, vehicleType: 'tent' })).toEqual(['deal', 'black', 'failed']);
    expect(found({ ...dir, minTonnage: 25 })).toEqual(['lane', 'near']);
    expect(found({ ...dir, minVolumeM3: 50 })).toEqual(['deal', 'black', 'failed']);
  });
  it('refrigerated, ADR class, oversize', () => {
    expect(found({ ...dir, refrigerated: true })).toEqual(['offer']);
    expect(found({ ...dir, adrClass: '3' })).toEqual(['deal', 'near']);
    expect(found({ ...dir, adrClass: '2.1' })).toEqual(['near']);
    expect(found({ ...dir, oversize: true })).toEqual(['lane']);
  });
  it('security check passed and available by a date', () => {
    expect(found({ ...dir, securityPassed: true })).toEqual(['deal', 'offer', 'lane', 'black']);
    expect(found({ ...dir, availableBy: T0 })).not.toContain('near');
    expect(found({ ...dir, availableBy: T0 + 3 * DAY })).toContain('near');
  });
  it('one vehicle must meet every vehicle requirement at once', () => {
    // "deal" has a 20 t tent with ADR 3; nobody has a 25 t vehicle with ADR 8.
    expect(found({ ...dir, minTonnage: 25, adrClass: '8' })).toEqual([]);
    expect(count({ ...dir, minTonnage: 25, adrClass: '8' }).total).toBe(0);
    expect(count({ ...dir, vehicleType: 'tent' }).total).toBe(3);
    expect(count({ ...dir, text: 'транс' }).total).toBe(1);
  });
  it('shows the vehicles that match, with the count', () => {
    const res = search({ ...dir, vehicleType: 'tent' });
    expect(res.results[0]?.vehicles.map((v) => v.type)).toEqual(['tent']);
    expect(res.results[0]?.vehiclesMatching).toBe(1);
  });
});

describe('searchCarriers free text', () => {
  it('finds by name prefix in Cyrillic and in Latin', () => {
    expect(found({ text: 'трансл' })).toEqual(['deal']);
    expect(found({ text: 'translog' })).toEqual(['deal']);
    expect(found({ text: 'казкарго' }).length).toBe(0);
    expect(found({ text: 'kazcar' })).toEqual(['offer']);
    expect(found({ text: 'Степн' })).toEqual(['lane']);
  });
  it('finds by contact person and notes', () => {
    expect(found({ text: 'Серик' })).toEqual(['deal']);
    expect(found({ text: 'serik' })).toEqual(['deal']);
    expect(found({ text: 'рефриж' })).toEqual(['offer']);
  });
  it('finds a phone however it is typed', () => {
    for (const typed of ['+7 701 123 45 67', '87011234567', '8 701 123', '7011234', '701 123 45']) {
      expect(found({ text: typed }), typed).toEqual(['deal']);
    }
    expect(found({ text: '+7 (777) 555-01' })).toEqual(['offer']);
    expect(found({ text: '701 222' })).toEqual(['lane']);
  });
  it('finds a phone by any run of 4 or more of its digits, alone or with other words (issue 13)', () => {
    for (const typed of ['1234567', '123 45 67', '45 67', '5550102', '555-01-02', '2223344']) {
      expect(found({ text: typed }), typed).toEqual(typed.startsWith('555') ? ['offer'] : typed === '2223344' ? ['lane'] : ['deal']);
    }
    expect(found({ text: 'Серик 1234567' })).toEqual(['deal']);
    expect(found({ text: '567' })).toEqual([]);
  });
  it('finds by tax id (BIN / INN) prefix', () => {
    expect(found({ text: '99034' })).toEqual(['deal']);
    expect(found({ text: '7707083893' })).toEqual(['offer']);
  });
  it('combines text with a direction and filters', () => {
    expect(found({ fromCity: 'Алматы', toCity: 'Астана', text: 'транс' })).toEqual(['deal']);
    expect(found({ fromCity: 'Алматы', toCity: 'Астана', text: 'транс', vehicleType: 'van' })).toEqual([]);
  });
  it('gives the same answer whether it reads from the text hits or walks the direction checking each carrier against them', () => {
    const probe = (req: SearchCarriersRequest) =>
      searchCarriers({ replica: r, knownCities: () => readCarrierCities(r), hitDriveMax: 0 }, req).results.map((x) => x.id);
    for (const req of [
      { fromCity: 'Алматы', toCity: 'Астана', text: 'т' },
      { fromCity: 'Алматы', toCity: 'Астана', text: 'транс' },
      { toCity: 'Астана', text: '7' },
    ]) {
      expect(probe(req)).toEqual(search(req).results.map((x) => x.id));
    }
    expect(probe({ fromCity: 'Алматы', toCity: 'Астана', text: 'транс' })).toEqual([ids.deal]);
  });

  it('a broad text without a direction lists the same matching carriers, best rated first', () => {
    const broad = (req: SearchCarriersRequest) => searchCarriers({ replica: r, knownCities: () => readCarrierCities(r), hitDriveMax: 0 }, req).results;
    for (const text of ['т', 'транс', '7']) {
      const walked = broad({ text });
      expect(walked.map((x) => x.id).sort()).toEqual(search({ text }).results.map((x) => x.id).sort());
      const ratings = walked.filter((x) => !x.blacklisted && x.securityCheck !== 'failed').map((x) => x.rating);
      expect(ratings).toEqual([...ratings].sort((a, b) => b - a));
    }
  });

  it('punctuation only finds nothing instead of everything', () => {
    expect(search({ text: '"()*' }).results).toEqual([]);
    expect(count({ text: '"()*' }).total).toBe(0);
  });
});

describe('searchCarriers without direction or text', () => {
  it('ranks by rating then reliability, flagged last, and counts', () => {
    expect(count({})).toEqual({ total: 7, capped: false });
    expect(count({}, 5)).toEqual({ total: 5, capped: true });
    expect(search({ limit: 5 }).hasMore).toBe(true);
    const order = found({});
    expect(order.slice(0, 2)).toEqual(['offer', 'elsewhere']);
    expect(order.slice(-2).sort()).toEqual(['black', 'failed']);
    expect(found({ oversize: true })).toEqual(['lane']);
  });
});
