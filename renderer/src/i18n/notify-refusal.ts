// Words for a refused "My notifications" save. The server (and main, running the same mutator)
// answers with a machine code and the field it refuses (`details.field`); its sentence is
// English and for logs. The console words the refusal from the dictionary in its own language.
// Here, not in features/settings, because the connection banner words the server's later
// refusal of the same save too.
import type { MessageKey } from './translate';

export interface Refusal {
  /** The mutator's code ('bad_args', 'forbidden') or the API's ('invalid_request', 'unavailable'). */
  code: string | null;
  /** The refused field ("telegramChatId", "kinds.2"), when the refusal names one. */
  field: string | null;
}

const FIELD_WORDS: Readonly<Record<string, MessageKey>> = {
  email: 'notifyPrefs.err.email',
  telegramChatId: 'notifyPrefs.err.chatId',
  kinds: 'notifyPrefs.err.kinds',
  quietStartMinute: 'notifyPrefs.err.quiet',
  quietEndMinute: 'notifyPrefs.err.quiet',
  channel: 'notifyPrefs.err.choice',
  language: 'notifyPrefs.err.choice',
};

export function notifyRefusalKey(r: Refusal): MessageKey {
  if (r.code === 'forbidden' || r.code === 'unauthorized') return 'notifyPrefs.err.forbidden';
  if (r.code === 'unavailable') return 'notifyPrefs.err.unavailable';
  const top = r.field?.split('.')[0];
  if (top !== undefined && Object.hasOwn(FIELD_WORDS, top)) return FIELD_WORDS[top] as MessageKey;
  return 'notifyPrefs.err.other';
}
