// THE formatter: every date, time, number, distance and duration a person reads (console,
// exports, alert texts, customer messages) comes from here, through Intl with the chosen
// locale. Times are the region's wall clock (Kazakhstan: a fixed UTC offset, +5 by default),
// whatever zone the computer is in: we shift the instant by the offset and let Intl format it
// as UTC, which needs no IANA tz data (older tz databases still put Almaty at +6).
import { INTL_TAG, type Locale } from './locale';
import { pluralForm, type PluralForms } from './plural';

export const DEFAULT_UTC_OFFSET_MINUTES = 5 * 60;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Formatter {
  readonly locale: Locale;
  readonly offsetMinutes: number;
  /** "02.12.2026" / "02/12/2026" */
  date(ms: number): string;
  /** "09:05" (24-hour in every language we speak) */
  time(ms: number): string;
  /** "09:05:07" */
  timeSeconds(ms: number): string;
  /** "02.12.2026, 09:05" / "02/12/2026, 09:05" */
  dateTime(ms: number): string;
  /** time only when `ms` is on the same local day as `now`, else "02.12, 09:05" */
  shortDateTime(ms: number, now: number): string;
  /** A calendar day given as yyyy-mm-dd (holidays, "available by"), in the locale's form. */
  isoDay(day: string): string;
  /** The same day without its year, for chart axes: "06.03" / "06/03". */
  isoDayShort(day: string): string;
  /** "12 345", "12 345,5": grouping and decimal mark of the locale; at most `maxFraction` decimals. */
  number(n: number, maxFraction?: number): string;
  /** Exactly `digits` decimals: "4,5" / "4.5". */
  fixed(n: number, digits: number): string;
  /** "450 000 ₸" / "₸450,000"; whole units. A code Intl does not know is written after the number. */
  money(n: number, currency: string): string;
  /** "50 %" / "50%" from a 0..1 ratio. */
  percent(ratio: number): string;
  /** "12,3 км" / "12.3 km" */
  km(n: number): string;
  /** "45 км/ч" / "45 km/h" */
  kmh(n: number): string;
  /** "120 кг" / "120 kg" */
  kg(n: number): string;
  /** "20 т" / "20 t" (tonnes: not an Intl unit, so the symbol comes from UNIT_SYMBOLS) */
  tonnes(n: number): string;
  /** "82 м³" / "82 m³" */
  m3(n: number): string;
  /** Two units at most: "2 дн. 4 ч", "1 hr 12 min", "45 s" (seconds only under a minute). */
  duration(ms: number): string;
  /** The form of `forms` for `n` by the language's plural rules, `#` replaced by the formatted n. */
  plural(n: number, forms: PluralForms): string;
  /** "фото, подпись и код" / "photo, signature and code": the language's own list. */
  list(items: readonly string[]): string;
}

type Cache = Map<string, Intl.DateTimeFormat | Intl.NumberFormat>;

function memo<T extends Intl.DateTimeFormat | Intl.NumberFormat>(cache: Cache, key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

// Units ECMA-402 does not sanction (tonne, cubic metre): the symbol each language writes,
// joined to the number by a no-break space as Intl joins its own units.
const UNIT_SYMBOLS: Readonly<Record<Locale, { tonne: string; m3: string }>> = {
  ru: { tonne: 'т', m3: 'м³' },
  en: { tonne: 't', m3: 'm³' },
  kk: { tonne: 'т', m3: 'м³' },
};

const formatters = new Map<string, Formatter>();

/** One shared Formatter per (locale, offset): Intl objects are costly to build and safe to reuse. */
export function formatterFor(locale: Locale, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): Formatter {
  const key = `${locale}|${offsetMinutes}`;
  let f = formatters.get(key);
  if (!f) {
    f = buildFormatter(locale, offsetMinutes);
    formatters.set(key, f);
  }
  return f;
}

function buildFormatter(locale: Locale, offsetMinutes: number): Formatter {
  const tag = INTL_TAG[locale];
  const cache: Cache = new Map();
  const dtf = (key: string, opts: Intl.DateTimeFormatOptions) =>
    memo(cache, `d:${key}`, () => new Intl.DateTimeFormat(tag, { timeZone: 'UTC', hourCycle: 'h23', ...opts }));
  const nf = (key: string, opts: Intl.NumberFormatOptions) => memo(cache, `n:${key}`, () => new Intl.NumberFormat(tag, opts));
  const listFormat = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' });
  const shifted = (ms: number) => new Date(ms + offsetMinutes * MINUTE);
  const dayKey = (ms: number) => Math.floor((ms + offsetMinutes * MINUTE) / DAY);

  const date = (ms: number) => dtf('date', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(shifted(ms));
  const time = (ms: number) => dtf('time', { hour: '2-digit', minute: '2-digit' }).format(shifted(ms));
  const unit = (u: string, n: number) => nf(`u:${u}`, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: 0 }).format(n);

  const f: Formatter = {
    locale,
    offsetMinutes,
    date,
    time,
    timeSeconds: (ms) => dtf('timeS', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(shifted(ms)),
    dateTime: (ms) =>
      dtf('dateTime', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(shifted(ms)),
    shortDateTime: (ms, now) =>
      dayKey(ms) === dayKey(now)
        ? time(ms)
        : dtf('short', { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }).format(shifted(ms)),
    isoDay: (day) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
      if (!m) return day;
      const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      return dtf('date', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(ms));
    },
    isoDayShort: (day) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
      if (!m) return day;
      return dtf('dayMonth', { day: '2-digit', month: '2-digit' }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
    },
    number: (n, maxFraction = 2) => nf(`num:${maxFraction}`, { maximumFractionDigits: maxFraction }).format(n),
    fixed: (n, digits) => nf(`fix:${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n),
    money: (n, currency) => {
      const code = currency.toUpperCase();
      if (!/^[A-Z]{3}$/.test(code)) return `${f.number(Math.round(n), 0)}\u00a0${currency}`;
      return nf(`cur:${code}`, { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }).format(n);
    },
    percent: (ratio) => nf('pct', { style: 'percent', maximumFractionDigits: 0 }).format(ratio),
    km: (n) => {
      const digits = Math.abs(n) < 10 ? 1 : 0;
      return nf(`km:${digits}`, { style: 'unit', unit: 'kilometer', maximumFractionDigits: digits }).format(n);
    },
    kg: (n) => nf('kg', { style: 'unit', unit: 'kilogram', maximumFractionDigits: 1 }).format(n),
    tonnes: (n) => `${f.number(n, 1)}\u00a0${UNIT_SYMBOLS[locale].tonne}`,
    m3: (n) => `${f.number(n, 1)}\u00a0${UNIT_SYMBOLS[locale].m3}`,
    kmh: (n) => nf('kmh', { style: 'unit', unit: 'kilometer-per-hour', maximumFractionDigits: 0 }).format(n),
    duration: (ms) => {
      const abs = Math.max(0, Math.floor(Math.abs(ms)));
      if (abs < MINUTE) return unit('second', Math.floor(abs / 1000));
      const days = Math.floor(abs / DAY);
      const hours = Math.floor((abs % DAY) / HOUR);
      const minutes = Math.floor((abs % HOUR) / MINUTE);
      if (days > 0) return hours > 0 ? `${unit('day', days)} ${unit('hour', hours)}` : unit('day', days);
      if (hours > 0) return minutes > 0 ? `${unit('hour', hours)} ${unit('minute', minutes)}` : unit('hour', hours);
      return unit('minute', minutes);
    },
    plural: (n, forms) => pluralForm(locale, n, forms).replace(/#/g, f.number(n)),
    list: (items) => listFormat.format(items),
  };
  return f;
}
