// Words for a refused "Customer messages" save on the order card. main (schema or mutator) and
// the server answer with a code and the refused field ("alsoNotify.1.phone"); the card words it
// from the dictionary in the console's language and marks that field, never the English sentence.
import type { Refusal } from './notify-refusal';
import type { MessageKey, Params } from './translate';

export interface RefusalWords {
  key: MessageKey;
  params?: Params;
}

const RECIPIENT_FIELDS: Readonly<Record<string, MessageKey>> = {
  name: 'cprefs.err.name',
  phone: 'cprefs.err.phone',
  email: 'cprefs.err.email',
};

export function customerPrefsRefusal(r: Refusal): RefusalWords {
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
