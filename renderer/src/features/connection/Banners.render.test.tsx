// @vitest-environment happy-dom
// An edit the server refused later shows as a banner: "<what was refused> — <why>", worded from
// the dictionary in the console's language by the refusal's code and refused field. The server's
// sentence is English and names ids: it never reaches the screen.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConflictView } from '../../../../shared/api/session-api';
import { MUTATORS } from '../../../../shared/mutators/registry';
import { EN } from '../../i18n/dictionary-en';
import { RU } from '../../i18n/dictionary-ru';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { useSettingsStore } from '../settings/store';
import { Banners } from './Banners';
import { useConnectionStore } from './store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let dom: DomHost;
beforeEach(() => {
  dom = mountHost();
});
afterEach(() => {
  dom.unmount();
  useConnectionStore.setState({ conflicts: [] });
});

const SERVER_SENTENCE = 'SERVER-SENTENCE Region r-9 does not exist';
const conflict = (name: string, code: string, field: string | null, orderNumber: string | null = null): ConflictView => ({
  id: `${name}-${code}-${field ?? ''}`,
  mid: 1,
  name,
  orderId: orderNumber === null ? null : 'o-1',
  orderNumber,
  code,
  field,
  message: SERVER_SENTENCE,
  at: 0,
});

/** The banner's text for one conflict, rendered in `language`. */
async function bannerText(language: 'ru' | 'en', c: ConflictView): Promise<string> {
  act(() => {
    useSettingsStore.setState({ language });
    useConnectionStore.setState({ conflicts: [c] });
  });
  await act(async () => dom.root.render(<Banners />));
  const banners = [...dom.host.querySelectorAll('.banner-conflict')];
  expect(banners).toHaveLength(1);
  return banners[0]?.textContent ?? '';
}

const CASES: Array<[string, ConflictView, string, string]> = [
  [
    'a stale assignment',
    conflict('assignDriver', 'assign_conflict', null, 'AL-100004'),
    'Назначение водителя — заказ уже назначил другой диспетчер; откройте его, чтобы увидеть кому',
    'Assigning a driver — another dispatcher assigned this order first; open it to see to whom',
  ],
  ['a role that may not', conflict('cancelOrder', 'forbidden', null), 'Отмена заказа — вашей роли это изменение не разрешено', 'Cancelling an order — your role may not make this change'],
  [
    'a field the role may not change',
    conflict('editOrder', 'forbidden', 'changes.weightKg'),
    'Изменение заказа — вашей роли нельзя менять поле «Вес»',
    'Editing an order — your role may not change “Weight”',
  ],
  ['a step the status no longer allows', conflict('setStatus', 'invalid_transition', null), 'Смена статуса — статус заказа больше не допускает этот шаг', "Changing a status — the order's status no longer allows this step"],
  ['a region that is gone', conflict('createOrder', 'not_found', 'regionId'), 'Создание заказа — «Регион»: не найдено на сервере', 'Creating an order — “Region”: not found on the server'],
  ['an invalid field', conflict('createOrder', 'bad_args', 'windowEnd'), 'Создание заказа — проверьте поле «Окно доставки, конец»', 'Creating an order — check “Delivery window, end”'],
  ['an invalid field in a list', conflict('importOrders', 'bad_args', 'rows.3.weightKg'), 'Импорт заказов — проверьте поле «Вес»', 'Importing orders — check “Weight”'],
  ['a field the console has no word for', conflict('editOrder', 'bad_args', '__proto__'), 'Изменение заказа — проверьте поле «одно из значений»', 'Editing an order — check “one of the values”'],
  [
    'a code the console does not know',
    conflict('addComment', 'rate_limited', null),
    'Комментарий — сервер отклонил изменение; попробуйте ещё раз, а если повторится — сообщите администратору',
    'A comment — the server refused it; try again, and tell your admin if it repeats',
  ],
  [
    'a refused "My notifications" save keeps its own advice',
    conflict('setMyNotifyPrefs', 'forbidden', null),
    'Сохранение моих уведомлений — Оповещения вне приложения получают только диспетчеры, руководители, администраторы и логисты.',
    'Saving my notifications — Only dispatchers, supervisors, admins and logisticians get alerts outside the app.',
  ],
  [
    "a customer's refused message settings keep the card's advice, naming the recipient",
    conflict('setCustomerMessagePrefs', 'bad_args', 'alsoNotify.0.email'),
    'Изменение настроек сообщений клиента — Получатель 1: неверный e-mail; пример: name@company.kz.',
    "Changing a customer's message settings — Recipient 1:",
  ],
  [
    'a change this app does not know',
    conflict('someNewerMutator', 'bad_args', 'windowEnd'),
    'Изменение — проверьте поле «Окно доставки, конец»',
    'A change — check “Delivery window, end”',
  ],
];

describe('refused edits banner (rendered)', () => {
  it.each(CASES)('words %s in Russian and in English, never with the server sentence', async (_, c, ru, en) => {
    const inRu = await bannerText('ru', c);
    expect(inRu).toContain(ru);
    expect(inRu).toContain('Отклонённые изменения');
    const inEn = await bannerText('en', c);
    expect(inEn).toContain(en);
    expect(inEn).toContain('Rejected edits');
    for (const text of [inRu, inEn]) {
      expect(text).not.toContain('SERVER-SENTENCE');
      expect(text).not.toMatch(/refusal\.|[a-z]+_[a-z]+/);
    }
    if (c.orderNumber !== null) expect(dom.host.querySelector('.banner-conflict button')?.textContent).toBe(c.orderNumber);
  });

  it('has words for every change the app can make, in both languages', () => {
    for (const name of Object.keys(MUTATORS)) {
      expect(Object.hasOwn(EN, `refusal.what.${name}`), name).toBe(true);
      expect(Object.hasOwn(RU, `refusal.what.${name}`), name).toBe(true);
    }
  });
});
