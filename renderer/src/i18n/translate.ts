// Translation without a library: two complete typed dictionaries and a lookup with fallbacks.
// i18next would add plural/ICU machinery we barely need; a typed key set catches typos at compile time.
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

/** Fills `{name}` placeholders that have a value; unknown placeholders stay as written. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function translate(lang: Language, key: MessageKey, params?: Params): string {
  const template = DICTIONARIES[lang]?.[key] ?? EN[key] ?? key;
  return interpolate(template, params);
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
};

export function makeTranslator(lang: Language): Translator {
  const t = ((key: MessageKey, params?: Params) => translate(lang, key, params)) as Translator;
  t.dyn = (key, raw, params) => translateDynamic(lang, key, raw, params);
  t.lang = lang;
  return t;
}
