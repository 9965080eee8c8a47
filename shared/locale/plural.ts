// Plurals by the language's own rules (Intl.PluralRules): Russian has three forms that matter
// ("1 заказ", "3 заказа", "5 заказов"; "one/few/many"), English two. Never `n === 1 ? a : b`.
import { INTL_TAG, type Locale } from './locale';

export type PluralCategory = Intl.LDMLPluralRule;

/** The forms a caller supplies: `other` always; `one`, `few`, `many` where the language uses them. */
export type PluralForms = { readonly other: string } & Partial<Readonly<Record<PluralCategory, string>>>;

const rulesCache = new Map<Locale, Intl.PluralRules>();

function rules(locale: Locale): Intl.PluralRules {
  let r = rulesCache.get(locale);
  if (!r) {
    r = new Intl.PluralRules(INTL_TAG[locale]);
    rulesCache.set(locale, r);
  }
  return r;
}

export function pluralCategory(locale: Locale, n: number): PluralCategory {
  return rules(locale).select(n);
}

/** The form of `forms` for `n`; a missing category falls back to `other`. */
export function pluralForm(locale: Locale, n: number, forms: PluralForms): string {
  return forms[pluralCategory(locale, n)] ?? forms.other;
}
