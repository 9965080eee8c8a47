// A refusal in words: the one mapping from a refusal's machine code and refused field to the
// console's language. The server (and main, running the same mutator) answers with a code and,
// where it has one, the field it refuses (`details.field`); its sentence is English and for
// logs only. Used by the conflict banner (an edit the server refused later) and by forms that
// word their own save's refusal (My notifications, a customer's message settings, the daily
// summary).
import { isMessageKey, type MessageKey, type Params, type Translator } from './translate';

export interface Refusal {
  /** The mutator's code ('bad_args', 'forbidden') or the API's ('invalid_request', 'unavailable'). */
  code: string | null;
  /** The refused field ("telegramChatId", "kinds.2", "changes.weightKg"), when the refusal names one. */
  field: string | null;
}

/** A dictionary key and its parameters: what a refusal's words are before translation. */
export interface RefusalWords {
  key: MessageKey;
  params?: Params;
}

/** "My notifications" gives its own advice, by code first, then by the refused field's first part. */
const NOTIFY_FIELDS: Readonly<Record<string, MessageKey>> = {
  email: 'notifyPrefs.err.email',
  telegramChatId: 'notifyPrefs.err.chatId',
  kinds: 'notifyPrefs.err.kinds',
  quietStartMinute: 'notifyPrefs.err.quiet',
  quietEndMinute: 'notifyPrefs.err.quiet',
  channel: 'notifyPrefs.err.choice',
  language: 'notifyPrefs.err.choice',
};

function notifyPrefsWords(r: Refusal): RefusalWords {
  if (r.code === 'forbidden' || r.code === 'unauthorized') return { key: 'notifyPrefs.err.forbidden' };
  if (r.code === 'unavailable') return { key: 'notifyPrefs.err.unavailable' };
  if (r.code === 'kind_not_for_role') return { key: 'notifyPrefs.err.kindNotForRole' };
  const top = r.field?.split('.')[0];
  if (top !== undefined && Object.hasOwn(NOTIFY_FIELDS, top)) return { key: NOTIFY_FIELDS[top] as MessageKey };
  return { key: 'notifyPrefs.err.other' };
}

/** A customer's message settings on the order card: the refused recipient by its number ("alsoNotify.1.phone"). */
const RECIPIENT_FIELDS: Readonly<Record<string, MessageKey>> = {
  name: 'cprefs.err.name',
  phone: 'cprefs.err.phone',
  email: 'cprefs.err.email',
};

function customerPrefsWords(r: Refusal): RefusalWords {
  if (r.code === 'forbidden' || r.code === 'unauthorized') return { key: 'cprefs.err.forbidden' };
  if (r.code === 'unavailable') return { key: 'cprefs.err.unavailable' };
  if (r.code === 'not_vip') return { key: 'cprefs.err.notVip' };
  const [top, index, sub] = (r.field ?? '').split('.');
  if (top === 'language') return { key: 'cprefs.err.language' };
  if (top === 'alsoNotify') {
    const i = Number(index);
    if (index === undefined || index === '' || !Number.isInteger(i)) return { key: 'cprefs.err.tooMany' };
    const n = i + 1;
    if (sub !== undefined && Object.hasOwn(RECIPIENT_FIELDS, sub)) return { key: RECIPIENT_FIELDS[sub] as MessageKey, params: { n } };
    // The recipient as a whole: neither a phone nor an e-mail.
    return { key: 'cprefs.err.contact', params: { n } };
  }
  return { key: 'cprefs.err.other' };
}

/**
 * The admin's daily summary: no one chosen ("recipientIds"), one chosen person who may not get
 * it ("recipientIds.2": gone, inactive, not a supervisor or admin, listed twice), the send time.
 */
function dailySummaryWords(r: Refusal): RefusalWords {
  if (r.code === 'forbidden' || r.code === 'unauthorized') return { key: 'dailySummary.err.forbidden' };
  if (r.code === 'unavailable') return { key: 'dailySummary.err.unavailable' };
  const [top, index] = (r.field ?? '').split('.');
  if (top === 'recipientIds') return { key: index === undefined ? 'dailySummary.err.noneChosen' : 'dailySummary.err.recipient' };
  if (top === 'sendTime') return { key: 'dailySummary.err.sendTime' };
  return { key: 'dailySummary.err.other' };
}

/** Mutators whose form gives its own advice; every other refusal is worded by code (sections/refusals.ts). */
const OWN_WORDS: Readonly<Record<string, (r: Refusal) => RefusalWords>> = {
  setMyNotifyPrefs: notifyPrefsWords,
  setCustomerMessagePrefs: customerPrefsWords,
  setDailySummary: dailySummaryWords,
};

/** The refused field in words ("Delivery window, end"), from its last named part; null for none we know. */
function fieldWords(t: Translator, field: string | null): string | null {
  if (field === null) return null;
  const parts = field.split('.').filter((p) => !/^\d+$/.test(p));
  for (let i = parts.length - 1; i >= 0; i--) {
    const key = `refusal.field.${parts[i] ?? ''}`;
    if (isMessageKey(key)) return t(key);
  }
  return t('refusal.field.unknown');
}

/** Why it was refused, in the console's language, naming the field in words where the refusal names one. */
export function refusalReason(t: Translator, r: Refusal, mutator?: string): string {
  const own = mutator !== undefined && Object.hasOwn(OWN_WORDS, mutator) ? OWN_WORDS[mutator] : undefined;
  if (own !== undefined) {
    const words = own(r);
    return t(words.key, words.params);
  }
  // Codes are snake_case words; anything else (a newer or a broken server's) is worded as "other".
  const code = r.code !== null && /^[a-z_]{1,64}$/.test(r.code) ? r.code : 'other';
  const field = fieldWords(t, r.field);
  const withField = `refusal.code.${code}.field`;
  if (field !== null && isMessageKey(withField)) return t(withField, { field });
  const plain = `refusal.code.${code}`;
  return t(isMessageKey(plain) ? plain : 'refusal.code.other');
}

/** A refused edit as the banner shows it: "<what was refused> — <why>". */
export function refusedEditText(t: Translator, c: { name: string; code: string; field: string | null }): string {
  const what = `refusal.what.${c.name}`;
  return t('refusal.line', {
    what: t(isMessageKey(what) ? what : 'refusal.what.other'),
    reason: refusalReason(t, { code: c.code, field: c.field }, c.name),
  });
}

/** The mutator's own code travels in details.code; the API's class of it is the fallback. */
export function refusalFrom(code: string, details: Record<string, unknown> | undefined): Refusal {
  return { code: typeof details?.['code'] === 'string' ? details['code'] : code, field: typeof details?.['field'] === 'string' ? details['field'] : null };
}
