// The languages Marshrut speaks and the Intl locale each one formats with. One table, so the
// renderer, main (exports) and the server (alert texts, customer messages) agree.

export const LOCALES = ['ru', 'en', 'kk'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * BCP 47 tags for Intl. English is en-GB, not en-US: the console is used in Kazakhstan, where
 * dates are day-first and clocks 24-hour; "12/02/2026 09:05 AM" would be read wrongly.
 */
export const INTL_TAG: Readonly<Record<Locale, string>> = { ru: 'ru-RU', en: 'en-GB', kk: 'kk-KZ' };

/** A stored or user-supplied language code, or null when we do not speak it. */
export function parseLocale(value: unknown): Locale | null {
  if (typeof value !== 'string') return null;
  const short = value.toLowerCase().slice(0, 2);
  return (LOCALES as readonly string[]).includes(short) ? (short as Locale) : null;
}
