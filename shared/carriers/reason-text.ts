// The ranking reason as a short phrase, for the result list and the exported spreadsheet:
// "3 successful deals on this direction, last 450 000 ₸ on 12.03.2026". Numbers, money, dates
// and plurals through the one formatter (shared/locale).
import { formatterFor, type Locale } from '../locale';
import type { RankReason } from './rank-carriers';

export type ReasonLanguage = Extract<Locale, 'ru' | 'en'>;

/** A calendar day in the logisticians' region clock (UTC+5), in the language's form. */
export function formatDay(ms: number, lang: ReasonLanguage): string {
  return formatterFor(lang).date(ms);
}

/** The latest deal's or offer's price and day, when the lane has both. */
function lastPrice(reason: { lastRate: number | null; lastAt: number | null }, f: ReturnType<typeof formatterFor>, currency: string): { rate: string; day: string } | null {
  return reason.lastRate !== null && reason.lastAt !== null ? { rate: f.money(reason.lastRate, currency), day: f.date(reason.lastAt) } : null;
}

export function reasonText(reason: RankReason, lang: ReasonLanguage, currency = 'KZT'): string {
  const f = formatterFor(lang);
  switch (reason.tier) {
    case 'deals': {
      const last = lastPrice(reason, f, currency);
      if (lang === 'ru') {
        const n = `${f.plural(reason.dealsOk, { one: '# успешная сделка', few: '# успешные сделки', many: '# успешных сделок', other: '# успешной сделки' })} по направлению`;
        return last ? `${n}, последняя ${last.rate} (${last.day})` : n;
      }
      const n = `${f.plural(reason.dealsOk, { one: '# successful deal', other: '# successful deals' })} on this direction`;
      return last ? `${n}, last ${last.rate} on ${last.day}` : n;
    }
    case 'offers': {
      const last = lastPrice(reason, f, currency);
      if (lang === 'ru') {
        const n = `${f.plural(reason.offers, { one: '# предложение', few: '# предложения', many: '# предложений', other: '# предложения' })} по направлению`;
        return last ? `${n}, последнее ${last.rate} (${last.day})` : n;
      }
      const n = `${f.plural(reason.offers, { one: '# offer', other: '# offers' })} on this direction`;
      return last ? `${n}, latest ${last.rate} on ${last.day}` : n;
    }
    case 'lane':
      return lang === 'ru' ? 'Работает по этому направлению (заявлено)' : 'Runs this direction (declared)';
    case 'location': {
      const where = reason.distanceKm !== null && reason.distanceKm > 0 ? `${reason.city}, ${f.km(Math.round(reason.distanceKm))}` : reason.city;
      const when = reason.availableFrom === null ? null : f.date(reason.availableFrom);
      if (lang === 'ru') return when ? `Будет в ${where} с ${when}` : `Сейчас в ${where}`;
      return when ? `In ${where} from ${when}` : `Now in ${where}`;
    }
    case 'home': {
      const where = reason.distanceKm !== null && reason.distanceKm > 0 ? `${reason.city}, ${f.km(Math.round(reason.distanceKm))}` : reason.city;
      return lang === 'ru' ? `Город базирования: ${where}` : `Home city: ${where}`;
    }
    case 'none':
      return lang === 'ru' ? 'По рейтингу и надёжности' : 'By rating and reliability';
  }
}
