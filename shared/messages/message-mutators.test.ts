// The admin's message rules and quiet hours: what is stored, and every bad value refused with
// the field named, changing nothing, on whichever side runs the mutator (desktop and server).
import { describe, expect, it } from 'vitest';
import { fakeWorld, run } from '../testing/fake-world';
import { MAX_TEMPLATE_CHARS, templateProblems } from './templates';

const ALL = { sms: true, email: true, telegram: true };

describe('updateMessageRule', () => {
  it('stores channels and the given texts; a language left out follows the shipped text', () => {
    const tx = fakeWorld();
    expect(run(tx, 'u-admin', 'updateMessageRule', { trigger: 'confirmed', channels: { sms: false, email: true, telegram: true }, texts: { ru: ' Заказ {{number}}: {{link}} ' } })).toEqual({ result: 'applied' });
    expect(tx.get('message_rules', 'confirmed')).toMatchObject({ channels: { sms: false, email: true, telegram: true }, texts: { ru: 'Заказ {{number}}: {{link}}' }, updatedBy: 'u-admin' });
  });

  it.each([
    ['an empty text', { ru: '   ' }, 'texts.ru', 'is empty'],
    ['an unknown placeholder', { kk: '{{number}} {{phone}}' }, 'texts.kk', 'unknown placeholder {{phone}}'],
    ['__proto__ as a placeholder', { en: 'Hi {{__proto__}}' }, 'texts.en', 'unknown placeholder {{__proto__}}'],
    ['a text over the limit', { en: 'x'.repeat(MAX_TEMPLATE_CHARS + 1) }, 'texts.en', `longer than ${MAX_TEMPLATE_CHARS}`],
    ['a NUL byte', { ru: 'Заказ\u0000{{number}}' }, 'texts.ru', 'control characters'],
  ])('refuses %s, naming the field', (_, texts, field, words) => {
    const tx = fakeWorld();
    const out = run(tx, 'u-admin', 'updateMessageRule', { trigger: 'delivered', channels: ALL, texts });
    expect(out).toMatchObject({ result: 'rejected', error: { code: 'bad_template', details: { field } } });
    expect(out.result === 'rejected' && out.error.message).toContain(words);
    expect(tx.get('message_rules', 'delivered')).toBeUndefined();
  });

  it('refuses a huge body, a language it does not know and a trigger it does not know by schema, with the field', () => {
    const tx = fakeWorld();
    expect(run(tx, 'u-admin', 'updateMessageRule', { trigger: 'delivered', channels: ALL, texts: { ru: 'x'.repeat(100_000) } })).toMatchObject({ error: { code: 'bad_args', details: { field: 'texts.ru' } } });
    expect(run(tx, 'u-admin', 'updateMessageRule', { trigger: 'delivered', channels: ALL, texts: { de: 'Hallo' } })).toMatchObject({ error: { code: 'bad_args', details: { field: 'texts' } } });
    expect(run(tx, 'u-admin', 'updateMessageRule', { trigger: 'constructor', channels: ALL, texts: {} })).toMatchObject({ error: { code: 'bad_args', details: { field: 'trigger' } } });
    expect(run(tx, 'u-admin', 'updateMessageRule', { trigger: 'delivered', channels: { sms: true, email: true }, texts: {} })).toMatchObject({ error: { code: 'bad_args', details: { field: 'channels.telegram' } } });
    expect(tx.all('message_rules')).toHaveLength(0);
  });

  it('is an admin edit only', () => {
    const tx = fakeWorld();
    for (const who of ['u-dispatcher', 'u-supervisor', 'u-logistician', 'u-shop']) {
      expect(run(tx, who, 'updateMessageRule', { trigger: 'delivered', channels: ALL, texts: {} })).toMatchObject({ error: { code: 'forbidden' } });
      expect(run(tx, who, 'updateMessageSettings', { quietStartMinute: 0, quietEndMinute: 0, arrivingMinutes: 15, linkDays: 7 })).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect(tx.all('message_rules')).toHaveLength(0);
    expect(tx.all('message_settings')).toHaveLength(0);
  });
});

describe('updateMessageSettings', () => {
  const ok = { quietStartMinute: 22 * 60, quietEndMinute: 7 * 60, arrivingMinutes: 20, linkDays: 14 };

  it('stores quiet hours and timings', () => {
    const tx = fakeWorld();
    expect(run(tx, 'u-admin', 'updateMessageSettings', ok)).toEqual({ result: 'applied' });
    expect(tx.get('message_settings', 'customer')).toMatchObject(ok);
  });

  it.each([
    ['quietStartMinute', 1440],
    ['quietStartMinute', -1],
    ['quietEndMinute', 7.5],
    ['quietEndMinute', 1e12],
    ['arrivingMinutes', 0],
    ['arrivingMinutes', 181],
    ['linkDays', 91],
  ])('refuses %s = %s, naming it', (field, value) => {
    const tx = fakeWorld();
    expect(run(tx, 'u-admin', 'updateMessageSettings', { ...ok, [field]: value })).toMatchObject({ error: { code: 'bad_args', details: { field } } });
    expect(tx.all('message_settings')).toHaveLength(0);
  });
});

describe('templateProblems', () => {
  it('names each problem once, as codes the console words', () => {
    expect(templateProblems('{{number}} {{eta}}')).toEqual([]);
    expect(templateProblems('')).toEqual([{ code: 'empty' }]);
    expect(templateProblems('{{ link }} {{nope}} {{constructor}}')).toEqual([
      { code: 'unknown_placeholder', name: 'nope' },
      { code: 'unknown_placeholder', name: 'constructor' },
    ]);
  });
});

describe('setMessageServices', () => {
  it('turns a trigger off for one service type, the others stay on; channels and texts are kept', () => {
    const tx = fakeWorld();
    run(tx, 'u-admin', 'updateMessageRule', { trigger: 'in_transit', channels: { sms: false, email: true, telegram: true }, texts: { ru: 'Заказ {{number}} в пути' } });
    expect(run(tx, 'u-admin', 'setMessageServices', { trigger: 'in_transit', services: { express: false } })).toEqual({ result: 'applied' });
    expect(tx.get('message_rules', 'in_transit')).toMatchObject({
      channels: { sms: false, email: true, telegram: true },
      services: { express: false, standard: true, intercity: true },
      texts: { ru: 'Заказ {{number}} в пути' },
      updatedBy: 'u-admin',
    });
    // Saving the texts again keeps the switches.
    run(tx, 'u-admin', 'updateMessageRule', { trigger: 'in_transit', channels: ALL, texts: {} });
    expect(tx.get('message_rules', 'in_transit')?.services).toEqual({ express: false, standard: true, intercity: true });
    // A rule nobody edited yet starts from the shipped channels.
    run(tx, 'u-admin', 'setMessageServices', { trigger: 'delay', services: { intercity: false, standard: true } });
    expect(tx.get('message_rules', 'delay')).toMatchObject({ channels: ALL, services: { express: true, standard: true, intercity: false }, texts: {} });
  });

  it.each([
    ['an unknown service type', { trigger: 'delivered', services: { same_day: false } }, 'services'],
    ['__proto__ as a service', { trigger: 'delivered', services: JSON.parse('{"__proto__": false}') as unknown }, 'services'],
    ['constructor as a service', { trigger: 'delivered', services: { constructor: false } }, 'services'],
    ['a string for a switch', { trigger: 'delivered', services: { express: 'false' } }, 'services.express'],
    ['a number for a switch', { trigger: 'delivered', services: { standard: 0 } }, 'services.standard'],
    ['null for a switch', { trigger: 'delivered', services: { intercity: null } }, 'services.intercity'],
    ['no service at all', { trigger: 'delivered', services: {} }, 'services'],
    ['an unknown kind', { trigger: 'birthday', services: { express: false } }, 'trigger'],
    ['a staff kind', { trigger: 'sla_breach', services: { express: false } }, 'trigger'],
    ['__proto__ as the kind', { trigger: '__proto__', services: { express: false } }, 'trigger'],
    ['services not an object', { trigger: 'delivered', services: [true, false] }, 'services'],
    ['an extra field', { trigger: 'delivered', services: { express: false }, channel: 'sms' }, undefined],
  ])('refuses %s, naming the field, and changes nothing', (_, args, field) => {
    const tx = fakeWorld();
    run(tx, 'u-admin', 'setMessageServices', { trigger: 'delivered', services: { standard: false } });
    const before = tx.get('message_rules', 'delivered');
    const out = run(tx, 'u-admin', 'setMessageServices', args);
    expect(out).toMatchObject({ result: 'rejected', error: { code: 'bad_args' } });
    if (out.result === 'rejected') expect(out.error.details?.['field']).toBe(field);
    expect(tx.get('message_rules', 'delivered')).toEqual(before);
    expect(tx.all('message_rules')).toHaveLength(1);
    expect(Object.prototype).not.toHaveProperty('express');
  });

  it('is an admin edit only', () => {
    const tx = fakeWorld();
    for (const who of ['u-dispatcher', 'u-supervisor', 'u-logistician', 'u-shop']) {
      expect(run(tx, who, 'setMessageServices', { trigger: 'delivered', services: { express: false } })).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect(tx.all('message_rules')).toHaveLength(0);
  });
});

describe('setMyNotifyPrefs by role (issue 16’s gap)', () => {
  const prefs = (kinds: string[]) => ({ channel: 'telegram', kinds, email: null, telegramChatId: '5151', language: 'ru', quietStartMinute: 0, quietEndMinute: 0 });

  it('a logistician sets the carrier kinds and no other, refused naming the kind’s place; nothing stored', () => {
    const tx = fakeWorld();
    expect(run(tx, 'u-logistician', 'setMyNotifyPrefs', prefs(['carrier_loading', 'sla_warning']))).toEqual({
      result: 'rejected',
      error: { code: 'kind_not_for_role', message: 'A logistician gets no sla_warning alerts', details: { field: 'kinds.1', kind: 'sla_warning' } },
    });
    expect(run(tx, 'u-logistician', 'setMyNotifyPrefs', prefs(['no_shift_start']))).toMatchObject({ error: { details: { field: 'kinds.0', kind: 'no_shift_start' } } });
    expect(tx.get('staff_notify_prefs', 'u-logistician')).toBeUndefined();
    expect(run(tx, 'u-logistician', 'setMyNotifyPrefs', prefs(['carrier_call', 'carrier_loading'])).result).toBe('applied');
    expect(tx.get('staff_notify_prefs', 'u-logistician')).toMatchObject({ kinds: ['carrier_loading', 'carrier_call'], telegramChatId: '5151' });
  });

  it('the desk sets any kind; the warehouse none', () => {
    const tx = fakeWorld();
    expect(run(tx, 'u-dispatcher', 'setMyNotifyPrefs', prefs(['sla_warning', 'carrier_call', 'no_shift_start'])).result).toBe('applied');
    expect(run(tx, 'u-warehouse', 'setMyNotifyPrefs', prefs([]))).toMatchObject({ result: 'rejected', error: { code: 'forbidden' } });
  });
});
