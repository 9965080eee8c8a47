// The ranking reason as a short phrase, for the result list and the exported spreadsheet:
// "3 successful deals on this direction, last 450 000 KZT on 12.03.2026".
import type { RankReason } from './rank-carriers';

export type ReasonLanguage = 'ru' | 'en';

function money(n: number, currency: string): string {
  return `${Math.round(n).toLocaleString('ru-RU').replace(/\u00a0|\u202f/g, ' ')} ${currency === 'KZT' ? '₸' : currency}`;
}

/** dd.mm.yyyy in UTC+5 (Astana and Almaty), the only calendar the logisticians use. */
export function formatDay(ms: number): string {
  const d = new Date(ms + 5 * 3_600_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
}

function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

export function reasonText(reason: RankReason, lang: ReasonLanguage, currency = 'KZT'): string {
  switch (reason.tier) {
    case 'deals': {
      const last = reason.lastRate !== null && reason.lastAt !== null ? { rate: money(reason.lastRate, currency), day: formatDay(reason.lastAt) } : null;
      if (lang === 'ru') {
        const n = `${reason.dealsOk} ${plural(reason.dealsOk, 'успешная сделка', 'успешные сделки', 'успешных сделок')} по направлению`;
        return last ? `${n}, последняя ${last.rate} (${last.day})` : n;
      }
      const n = `${reason.dealsOk} successful deal${reason.dealsOk === 1 ? '' : 's'} on this direction`;
      return last ? `${n}, last ${last.rate} on ${last.day}` : n;
    }
    case 'offers': {
      const last = reason.lastRate !== null && reason.lastAt !== null ? { rate: money(reason.lastRate, currency), day: formatDay(reason.lastAt) } : null;
      if (lang === 'ru') {
        const n = `${reason.offers} ${plural(reason.offers, 'предложение', 'предложения', 'предложений')} по направлению`;
        return last ? `${n}, последнее ${last.rate} (${last.day})` : n;
      }
      const n = `${reason.offers} offer${reason.offers === 1 ? '' : 's'} on this direction`;
      return last ? `${n}, latest ${last.rate} on ${last.day}` : n;
    }
    case 'lane':
      return lang === 'ru' ? 'Работает по этому направлению (заявлено)' : 'Runs this direction (declared)';
    case 'location': {
      const where = reason.distanceKm !== null && reason.distanceKm > 0 ? `${reason.city}, ${Math.round(reason.distanceKm)} km` : reason.city;
      const when = reason.availableFrom === null ? null : formatDay(reason.availableFrom);
      if (lang === 'ru') return when ? `Будет в ${where} с ${when}` : `Сейчас в ${where}`;
      return when ? `In ${where} from ${when}` : `Now in ${where}`;
    }
    case 'none':
      return lang === 'ru' ? 'По рейтингу и надёжности' : 'By rating and reliability';
  }
}
