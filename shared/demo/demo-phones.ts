// Phone numbers the way people actually write them, so search must cope with every format.
import type { Rng } from './prng';

const KZ_MOBILE_CODES = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'];
const RU_MOBILE_CODES = ['903', '913', '923', '912', '950', '982', '999'];

/** Ten national digits of a Kazakh mobile number: 7011234567. */
export function kzMobileDigits(rng: Rng): string {
  return rng.pick(KZ_MOBILE_CODES) + rng.digits(7);
}

export function ruMobileDigits(rng: Rng): string {
  return rng.pick(RU_MOBILE_CODES) + rng.digits(7);
}

/** "+7 701 123 45 67", "87011234567", "+77011234567" or "8 (701) 123-45-67". */
export function formatPhone(national: string, rng: Rng): string {
  const a = national.slice(0, 3);
  const b = national.slice(3, 6);
  const c = national.slice(6, 8);
  const d = national.slice(8, 10);
  const style = rng.int(0, 9);
  if (style < 5) return `+7 ${a} ${b} ${c} ${d}`;
  if (style < 7) return `8${national}`;
  if (style < 9) return `+7${national}`;
  return `8 (${a}) ${b}-${c}-${d}`;
}

/** A city landline: "+7 727 250 12 34" (Almaty), "+7 7172 55 12 34" (Astana). */
export function landline(rng: Rng, cityCode: string): string {
  const rest = rng.digits(10 - cityCode.length);
  const head = rest.slice(0, rest.length - 4);
  return `+7 ${cityCode} ${head} ${rest.slice(-4, -2)} ${rest.slice(-2)}`;
}
