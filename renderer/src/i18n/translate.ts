// Translation without a library: two complete typed dictionaries and a lookup with fallbacks.
// A typed key set catches typos at compile time; placeholders, plurals ("{n, plural, one {#
// заказ} few {# заказа} many {# заказов} other {# заказа}}") and numbers go through the one
// message formatter in shared/locale, and `t.fmt` is the one date/number formatter.
import { formatMessage, formatterFor, type Formatter } from '../../../shared/locale';
import { EN, type Dictionary, type MessageKey } from './dictionary-en';
import { RU } from './dictionary-ru';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type { MessageKey };

const DICTIONARIES: Readonly<Record<Language, Dictionary>> = { ru: RU, en: EN };

export type Params = Readonly<Record<string, string | number>>;

/** Russian where the system speaks Russian (Kazakh systems mostly do too), English elsewhere. */
export function detectLanguage(systemLanguage: string | undefined | null): Language {
  const lang = (systemLanguage ?? '').toLowerCase();
  if (lang.startsWith('ru') || lang.startsWith('kk')) return 'ru';
  return 'en';
}

/** A stored or user-supplied language code, or null when we do not speak it. */
export function parseLanguage(value: unknown): Language | null {
  if (typeof value !== 'string') return null;
  const short = value.toLowerCase().slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(short) ? (short as Language) : null;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(EN, key);
}

/**
 * Fills `{name}` placeholders and `{n, plural, ...}` forms in the language's rules; numbers in
 * the language's form; unknown placeholders stay as written.
 */
export function interpolate(lang: Language, template: string, params?: Params): string {
  return formatMessage(lang, template, params);
}

export function translate(lang: Language, key: MessageKey, params?: Params): string {
  const template = DICTIONARIES[lang]?.[key] ?? EN[key] ?? key;
  return interpolate(lang, template, params);
}

/**
 * For keys built from data (`status.${row.status}`): a value the dictionary does not know
 * (a newer server's status, say) shows as the raw value rather than a broken key.
 */
export function translateDynamic(lang: Language, key: string, raw: string, params?: Params): string {
  return isMessageKey(key) ? translate(lang, key, params) : raw;
}

export type Translator = {
  (key: MessageKey, params?: Params): string;
  dyn: (key: string, raw: string, params?: Params) => string;
  lang: Language;
  /** Dates, times, numbers, units and durations in this language (shared/locale). */
  fmt: Formatter;
};

export function makeTranslator(lang: Language): Translator {
  const t = ((key: MessageKey, params?: Params) => translate(lang, key, params)) as Translator;
  t.dyn = (key, raw, params) => translateDynamic(lang, key, raw, params);
  t.lang = lang;
  t.fmt = formatterFor(lang);
  return t;
}
