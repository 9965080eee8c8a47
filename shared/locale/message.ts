// Message templates with placeholders and plurals, the one interpolation every dictionary uses:
//   "{name}"                                  a value; numbers in the locale's form ("12 345")
//   "{n, plural, one {# строка} few {# строки} many {# строк} other {# строки}}"
// (the ICU MessageFormat plural subset: `#` is the number, forms chosen by Intl.PluralRules).
// Unknown placeholders stay as written, so a missing parameter is visible, never blank.
import { formatterFor } from './format';
import type { Locale } from './locale';
import type { PluralForms } from './plural';

export type MessageParams = Readonly<Record<string, string | number>>;

const PLURAL_HEAD = /^\{\s*(\w+)\s*,\s*plural\s*,/;

/** The index just past the `}` matching the `{` at `open`, or -1. */
function matchBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** Parses " one {…} few {…} other {…}" into forms; null when it is not well formed. */
function parseForms(body: string): PluralForms | null {
  const forms: Record<string, string> = {};
  let i = 0;
  while (i < body.length) {
    const m = /^\s*(zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!m) {
      if (body.slice(i).trim() === '') break;
      return null;
    }
    const open = i + m[0].length - 1;
    const close = matchBrace(body, open);
    if (close < 0) return null;
    forms[m[1]!] = body.slice(open + 1, close - 1);
    i = close;
  }
  return typeof forms.other === 'string' ? (forms as PluralForms) : null;
}

export function formatMessage(locale: Locale, template: string, params?: MessageParams): string {
  if (!params || !template.includes('{')) return template;
  const fmt = formatterFor(locale);
  const value = (name: string): string | undefined => {
    const v = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    if (v === undefined) return undefined;
    return typeof v === 'number' ? fmt.number(v) : v;
  };
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const close = matchBrace(template, open);
    if (close < 0) {
      out += template.slice(open);
      break;
    }
    const whole = template.slice(open, close);
    const head = PLURAL_HEAD.exec(whole);
    if (head) {
      const name = head[1]!;
      const raw = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
      const forms = parseForms(whole.slice(head[0].length, -1));
      const n = typeof raw === 'number' ? raw : Number(raw);
      if (forms && raw !== undefined && Number.isFinite(n)) {
        // The chosen form may itself hold simple placeholders ("{n} of {total}").
        out += formatMessage(locale, fmt.plural(n, forms), params);
      } else {
        out += whole;
      }
    } else {
      const simple = /^\{(\w+)\}$/.exec(whole);
      const v = simple ? value(simple[1]!) : undefined;
      out += v ?? whole;
    }
    i = close;
  }
  return out;
}
