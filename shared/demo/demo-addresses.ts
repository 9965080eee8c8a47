// Street addresses inside a city's real districts: "г. Алматы, Бостандыкский р-н,
// ул. Тимирязева, 42, кв. 15", with coordinates scattered around the district's centre.
import type { DemoWarehouseSpec } from './generate-reference';
import { cityByKeyOrThrow, type City } from './kz-geography';
import type { Rng } from './prng';

export interface DemoAddress {
  text: string;
  city: string;
  lat: number;
  lon: number;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function randomAddress(city: City, rng: Rng): DemoAddress {
  const district = rng.pick(city.districts);
  const street = rng.pick(district.streets);
  const house = rng.chance(0.15) ? `${rng.int(1, 200)}/${rng.int(1, 9)}` : String(rng.int(1, 250));
  const r = rng.next();
  const unit = r < 0.45 ? `, кв. ${rng.int(1, 180)}` : r < 0.65 ? `, оф. ${rng.int(1, 40)}` : '';
  return {
    text: `г. ${city.name}, ${district.name}, ${street}, ${house}${unit}`,
    city: city.name,
    // About ±1.5 km north-south and ±2 km east-west around the district centre.
    lat: round6(district.lat + rng.spread(0.03)),
    lon: round6(district.lon + rng.spread(0.05)),
  };
}

export function pickupAddressOf(wh: DemoWarehouseSpec): DemoAddress {
  return { text: wh.address, city: cityByKeyOrThrow(wh.cityKey).name, lat: wh.lat, lon: wh.lon };
}
