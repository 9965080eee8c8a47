// City names as the carrier base spells them ("Алматы"), found from what a logistician types
// ("алматы", "Almaty", "алм"). Exact (case-insensitive) beats transliterated beats prefix.
import { cyrillicToLatin, latinToCyrillic } from './transliterate';

function fold(s: string): string {
  return s.trim().toLowerCase().replace(/ё/g, 'е');
}

/** The known city this text means, or null when it matches none (or several by prefix). */
export function resolveCityName(typed: string, known: readonly string[]): string | null {
  const t = fold(typed);
  if (t === '') return null;
  const exact = known.find((k) => fold(k) === t);
  if (exact !== undefined) return exact;
  const lat = cyrillicToLatin(t);
  const cyr = latinToCyrillic(t);
  const translit = known.find((k) => {
    const f = fold(k);
    return cyrillicToLatin(f) === lat || f === cyr;
  });
  if (translit !== undefined) return translit;
  const prefixed = known.filter((k) => {
    const f = fold(k);
    return f.startsWith(t) || cyrillicToLatin(f).startsWith(lat);
  });
  return prefixed.length === 1 ? (prefixed[0] ?? null) : null;
}
