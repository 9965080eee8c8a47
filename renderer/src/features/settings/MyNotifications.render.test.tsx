// @vitest-environment happy-dom
// "My notifications" refused: the server's answer is a code and a field, its sentence English;
// the form words it from the dictionary in the console's language and marks the field. Rendered
// for real in Russian (and English), with each way a refusal arrives: the mutator's refusal as a
// command result, the API's schema refusal as a thrown ApiError, no server, a forbidden role.
// (The server's later refusal, as a conflict banner: connection/Banners.render.test.tsx.)
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarshrutApi } from '../../../../shared/api/contract';
import type { CommandResult } from '../../../../shared/api/define';
import type { MyNotifyPrefsView } from '../../../../shared/api/messages-api';
import { ApiError } from '../../../../shared/api/client';
import { installApi } from '../../api/client';
import { mountHost, type DomHost } from '../../testing/dom-host';
import type { SessionView } from '../../../../shared/api/session-api';
import type { UserRole } from '../../../../shared/domain/vocabulary';
import { useSessionStore } from '../session/store';
import { MyNotifications } from './MyNotifications';
import { resetNotifySettingsStore } from './notify-store';
import { useSettingsStore } from './store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const PREFS: MyNotifyPrefsView = { channel: 'telegram', kinds: ['sla_breach'], email: null, telegramChatId: 'abc', language: 'ru', quietStartMinute: 0, quietEndMinute: 0, saved: true, canSet: true };
let answer: () => Promise<CommandResult>;
let sent: unknown[];
let dom: DomHost;

beforeEach(() => {
  sent = [];
  const fake = {
    myNotifyPrefs: () => Promise.resolve(PREFS),
    setMyNotifyPrefs: (a: unknown) => (sent.push(a), answer()),
    on: () => () => undefined,
  };
  installApi(fake as unknown as MarshrutApi);
  resetNotifySettingsStore();
  signIn('dispatcher');
  dom = mountHost();
});

function signIn(role: UserRole): void {
  useSessionStore.setState({ session: { user: { id: `u-${role}`, name: role, role, warehouseId: null } } as unknown as SessionView, error: null });
}
afterEach(() => dom.unmount());

async function saveIn(lang: 'ru' | 'en'): Promise<string> {
  act(() => useSettingsStore.setState({ language: lang }));
  await act(async () => dom.root.render(<MyNotifications />));
  const submit = dom.host.querySelector<HTMLButtonElement>('button[type="submit"]');
  expect(submit).not.toBeNull();
  await act(async () => submit?.click());
  return dom.host.querySelector('[role="alert"]')?.textContent ?? '';
}

const refused = (code: string, message: string, details?: Record<string, unknown>): (() => Promise<CommandResult>) => () =>
  Promise.resolve({ ok: false, code, message, ...(details === undefined ? {} : { details }) } as CommandResult);

describe('My notifications refused (rendered)', () => {
  it("words the mutator's refusal in Russian from its code and field, marks the field, and never shows the English sentence", async () => {
    answer = refused('invalid_request', 'Telegram notifications need a chat id', { code: 'bad_args', field: 'telegramChatId' });
    const text = await saveIn('ru');
    expect(text).toBe('Chat ID в Telegram — это число: напишите боту компании /id, он пришлёт ваш.');
    expect(text).not.toContain('need a chat id');
    expect(dom.host.querySelector('input[inputmode="numeric"]')?.getAttribute('aria-invalid')).toBe('true');
  });

  it.each([
    ['an e-mail refused by the schema (thrown)', () => Promise.reject(new ApiError({ code: 'invalid_request', message: 'setMyNotifyPrefs: email: Invalid email address', details: { field: 'email' } })), 'Для уведомлений на e-mail нужен верный адрес, например name@company.kz.'],
    ['a kind listed twice', refused('invalid_request', 'An alert kind is listed twice', { code: 'bad_args', field: 'kinds' }), 'Каждый вид оповещений можно выбрать только один раз.'],
    ['a quiet hour out of range', refused('invalid_request', 'Invalid setMyNotifyPrefs: quietEndMinute: Too big', { code: 'bad_args', field: 'quietEndMinute' }), 'Тихие часы: время от 00:00 до 23:59.'],
    ['a kind the role never gets', refused('invalid_transition', 'A logistician gets no sla_breach alerts', { code: 'kind_not_for_role', field: 'kinds.1' }), 'Один из выбранных видов оповещений вашей роли не приходит: выберите из предложенных.'],
    ['a role that gets no alerts', refused('forbidden', "Warehouse staff can't change notification settings", { code: 'forbidden' }), 'Оповещения вне приложения получают только диспетчеры, руководители, администраторы и логисты.'],
    ['no server', refused('unavailable', 'No server is configured: set the server address and token in Settings'), 'Не сохранено: сервер недоступен. Попробуйте ещё раз.'],
    ['a code the console does not know', refused('invalid_transition', 'Something new on the server', { code: 'rate_limited' }), 'Не сохранено: сервер отклонил изменение. Попробуйте ещё раз; если повторится, сообщите администратору.'],
  ])('words %s in Russian', async (_, next, words) => {
    answer = next;
    expect(await saveIn('ru')).toBe(words);
  });

  it('marks the field a refusal names a part of ("kinds.2" is the kinds), as the daily summary does', async () => {
    answer = refused('invalid_request', 'Invalid setMyNotifyPrefs: kinds.2: Invalid option', { code: 'bad_args', field: 'kinds.2' });
    expect(await saveIn('en')).toBe('Choose each kind of alert once.');
    expect(dom.host.querySelector('fieldset.my-notify-kinds')?.getAttribute('aria-invalid')).toBe('true');
    expect(dom.host.querySelector('input[type="email"], input[inputmode="numeric"]')?.getAttribute('aria-invalid') ?? null).toBeNull();
  });

  it('words the same refusal in English when the console is in English', async () => {
    answer = refused('invalid_request', 'Telegram notifications need a chat id', { code: 'bad_args', field: 'telegramChatId' });
    expect(await saveIn('en')).toBe("The Telegram chat ID is a number: write /id to the company's bot to get yours.");
  });
});

describe('My notifications saved (rendered over its store)', () => {
  it('sends the edits: a second alert kind, the e-mail channel with its address trimmed and the unused chat id dropped', async () => {
    answer = () => Promise.resolve({ ok: true, mid: 1 });
    act(() => useSettingsStore.setState({ language: 'en' }));
    await act(async () => dom.root.render(<MyNotifications />));
    const select = dom.host.querySelector<HTMLSelectElement>('select');
    await act(async () => {
      if (select) select.value = 'email';
      select?.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const email = dom.host.querySelector<HTMLInputElement>('input[type="email"]');
    expect(email).not.toBeNull();
    await act(async () => {
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      set?.call(email, '  me@company.kz ');
      email?.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const unchecked = Array.from(dom.host.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')).find((b) => !b.checked);
    await act(async () => unchecked?.click());
    await act(async () => dom.host.querySelector<HTMLButtonElement>('button[type="submit"]')?.click());
    expect(sent).toHaveLength(1);
    const args = sent[0] as Record<string, unknown>;
    expect(args).toMatchObject({ channel: 'email', email: 'me@company.kz', telegramChatId: null });
    expect((args['kinds'] as string[]).length).toBe(2);
    expect(dom.host.querySelector('[role="status"]')?.textContent).toBe('Settings saved.');
  });

  it('starts afresh when shown again: the last refusal is gone', async () => {
    answer = refused('forbidden', 'no', { code: 'forbidden' });
    expect(await saveIn('en')).not.toBe('');
    act(() => dom.root.render(<></>));
    await act(async () => dom.root.render(<MyNotifications />));
    expect(dom.host.querySelector('[role="alert"]')).toBeNull();
  });
});

describe('the kinds offered by role (issue 16\'s gap)', () => {
  const offered = () => Array.from(dom.host.querySelectorAll('fieldset label.check')).map((l) => l.textContent);

  it('a logistician is offered only their carriers\' loading and calls, in Russian and English', async () => {
    signIn('logistician');
    act(() => useSettingsStore.setState({ language: 'ru' }));
    await act(async () => dom.root.render(<MyNotifications />));
    expect(offered()).toEqual(['Погрузка у перевозчика', 'Прозвон перевозчика']);
    act(() => useSettingsStore.setState({ language: 'en' }));
    expect(offered()).toEqual(['Carrier loading', 'Call the carrier']);
  });

  it('the desk is offered every kind', async () => {
    act(() => useSettingsStore.setState({ language: 'en' }));
    await act(async () => dom.root.render(<MyNotifications />));
    expect(offered()).toHaveLength(9);
    expect(offered()).toContain('SLA breached');
  });
});
