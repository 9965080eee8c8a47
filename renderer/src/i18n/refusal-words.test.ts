// The one mapping from a refusal's code and field to words. A refused "Customer messages" save
// (the order card's own advice) is worded in the console's language from its code and field,
// naming the recipient by its place in the list (1-based), never the server's sentence. (Other
// refusals as the banner shows them: features/connection/Banners.render.test.tsx.)
import { describe, expect, it } from 'vitest';
import { refusalReason } from './refusal-words';
import { makeTranslator } from './translate';

const words = (lang: 'ru' | 'en', code: string | null, field: string | null) => refusalReason(makeTranslator(lang), { code, field }, 'setCustomerMessagePrefs');

describe('customer message settings refused', () => {
  it('names the recipient and what is wrong with it, in Russian and English', () => {
    expect(words('en', 'invalid_request', 'alsoNotify.1.phone')).toBe('Recipient 2: the phone is not a number an SMS can go to, like +7 701 123 45 67.');
    expect(words('ru', 'invalid_request', 'alsoNotify.1.phone')).toBe('Получатель 2: на этот телефон нельзя отправить SMS; пример: +7 701 123 45 67.');
    expect(words('ru', 'bad_args', 'alsoNotify.0.email')).toBe('Получатель 1: неверный e-mail; пример: name@company.kz.');
    expect(words('en', 'invalid_request', 'alsoNotify.0.name')).toBe('Recipient 1: give a name.');
    expect(words('en', 'invalid_request', 'alsoNotify.2')).toBe('Recipient 3: give a phone or an e-mail.');
    expect(words('en', 'invalid_request', 'alsoNotify')).toBe('At most 10 other recipients.');
  });

  it('words the refusals that are not about one field', () => {
    expect(words('ru', 'not_vip', 'alsoNotify')).toBe('Других получателей можно указать только клиенту с VIP-договором.');
    expect(words('en', 'forbidden', null)).toBe('Only dispatchers, supervisors and admins change these.');
    expect(words('en', 'unavailable', null)).toBe('Not saved: the server cannot be reached. Try again.');
    expect(words('en', 'invalid_request', 'language')).toBe('Choose one of the languages offered.');
    expect(words('en', 'invalid_request', '__proto__')).toBe('Not saved: the change was refused. Try again; if it repeats, tell your admin.');
    expect(words('en', 'invalid_request', 'alsoNotify.0.constructor')).toBe('Recipient 1: give a phone or an e-mail.');
  });
});

describe('daily summary settings refused', () => {
  const summary = (lang: 'ru' | 'en', code: string | null, field: string | null) => refusalReason(makeTranslator(lang), { code, field }, 'setDailySummary');

  it('names the field the mutator refuses, in Russian and English', () => {
    expect(summary('en', 'bad_args', 'recipientIds')).toBe('“Who gets it”: choose at least one person, or turn the summary off.');
    expect(summary('ru', 'bad_args', 'recipientIds')).toBe('«Кому»: выберите хотя бы одного человека или выключите сводку.');
    expect(summary('en', 'bad_args', 'recipientIds.3')).toMatch(/^“Who gets it”: a chosen person can no longer get the summary/);
    expect(summary('ru', 'bad_args', 'recipientIds.0')).toMatch(/^«Кому»: один из выбранных больше не может получать сводку/);
    expect(summary('en', 'invalid_request', 'sendTime')).toBe('“Send at”: a time from 00:00 to 23:59.');
    expect(summary('ru', 'invalid_request', 'sendTime')).toBe('«Время отправки»: время от 00:00 до 23:59.');
  });

  it('words the refusals that are not about one field', () => {
    expect(summary('en', 'forbidden', null)).toBe('Only an administrator changes the daily summary.');
    expect(summary('ru', 'unavailable', null)).toBe('Не сохранено: сервер недоступен. Попробуйте ещё раз.');
    expect(summary('en', 'invalid_request', 'enabled')).toBe('Not saved: the server refused the change. Try again; if it repeats, tell your admin.');
    expect(summary('en', null, '__proto__')).toBe('Not saved: the server refused the change. Try again; if it repeats, tell your admin.');
  });
});
