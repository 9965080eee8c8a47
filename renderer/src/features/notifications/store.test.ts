import { describe, expect, it } from 'vitest';
import { makeTranslator } from '../../i18n/translate';
import type { Notifier } from './notifier';
import { dismissToast, installNotifier, MAX_TOASTS, noticeTitle, requestNotificationPermission, showNotice, useNotificationsStore, type NoticeTarget } from './store';

function fakeNotifier() {
  const shown: { title: string; body: string; tag: string; onClick: () => void }[] = [];
  let permission: 'default' | 'granted' = 'default';
  const n: Notifier = {
    permission: () => permission,
    request: async () => (permission = 'granted'),
    show: (x) => shown.push(x),
  };
  return { n, shown };
}

const text = (en: string, ru: string) => ({ en: { title: 'SLA breached', body: en }, ru: { title: 'SLA нарушен', body: ru } });
const notice = { kind: 'sla_breach' as const, orderId: 'o1' as string | null, warehouseId: null as string | null, number: 'AL-1', title: 'SLA breached', body: 'Express, 12 min late', text: text('Express, 12 min late', 'Экспресс, опоздание 12 мин'), at: 0 };

describe('notifications', () => {
  it('titles notices in the UI language', () => {
    expect(noticeTitle(notice, makeTranslator('ru'))).toBe('SLA нарушен: AL-1');
    expect(noticeTitle({ ...notice, kind: 'problem' }, makeTranslator('en'))).toBe('New problem: AL-1');
  });

  it('shows through the adapter, one per order and kind, and a click opens the order', async () => {
    const { n, shown } = fakeNotifier();
    installNotifier(n);
    expect(useNotificationsStore.getState().permission).toBe('default');
    await requestNotificationPermission();
    expect(useNotificationsStore.getState().permission).toBe('granted');
    const opened: (string | null)[] = [];
    showNotice(notice, makeTranslator('en'), (x) => opened.push(x.orderId));
    expect(shown[0]).toMatchObject({ title: 'SLA breached: AL-1', body: 'Express, 12 min late', tag: 'sla_breach:o1' });
    shown[0]?.onClick();
    expect(opened).toEqual(['o1']);
  });

  it('shows a toast in the window even without permission for system notifications (issue 13)', () => {
    const { n } = fakeNotifier();
    installNotifier(n);
    useNotificationsStore.setState({ toasts: [] });
    const t = makeTranslator('ru');
    showNotice({ ...notice, kind: 'not_taken', orderId: 'o2', number: 'AL-2', text: text('waits 2 h', 'ждёт 2 ч') }, t, () => {});
    expect(useNotificationsStore.getState().toasts).toMatchObject([{ orderId: 'o2', title: 'Не взят в работу: AL-2', body: 'ждёт 2 ч' }]);
    // The same order and kind again replaces its toast; a flood keeps only the newest few.
    showNotice({ ...notice, kind: 'not_taken', orderId: 'o2', number: 'AL-2', text: text('waits 3 h', 'ждёт 3 ч') }, t, () => {});
    expect(useNotificationsStore.getState().toasts.map((x) => x.body)).toEqual(['ждёт 3 ч']);
    for (let i = 0; i < 10; i++) showNotice({ ...notice, orderId: `f${i}`, number: `F-${i}` }, t, () => {});
    const toasts = useNotificationsStore.getState().toasts;
    expect(toasts.map((x) => x.number)).toEqual(['F-6', 'F-7', 'F-8', 'F-9'].slice(-MAX_TOASTS));
    dismissToast(toasts[0]?.id ?? -1);
    expect(useNotificationsStore.getState().toasts).toHaveLength(MAX_TOASTS - 1);
  });

  it('a warehouse alert names the warehouse, has its own toast, and a click goes to the warehouse (issue 18)', () => {
    const { n, shown } = fakeNotifier();
    installNotifier(n);
    useNotificationsStore.setState({ toasts: [] });
    const opened: NoticeTarget[] = [];
    const wh = { ...notice, kind: 'no_shift_start' as const, orderId: null, warehouseId: 'w1', number: 'Склад Алатау', body: 'никто не начал день', text: text('nobody started the day', 'никто не начал день') };
    showNotice(wh, makeTranslator('ru'), (x) => opened.push(x));
    showNotice({ ...wh, warehouseId: 'w2', number: 'Склад Юг' }, makeTranslator('en'), () => {});
    expect(shown.map((x) => [x.title, x.tag])).toEqual([
      ['Никто не начал день: Склад Алатау', 'no_shift_start:w:w1'],
      ['Nobody started the day: Склад Юг', 'no_shift_start:w:w2'],
    ]);
    expect(useNotificationsStore.getState().toasts.map((x) => [x.orderId, x.warehouseId])).toEqual([
      [null, 'w1'],
      [null, 'w2'],
    ]);
    shown[0]?.onClick();
    expect(opened).toEqual([{ orderId: null, warehouseId: 'w1', number: 'Склад Алатау' }]);
  });

  it("words the toast in the page's language, whatever language main sent its own body in (issue 15)", () => {
    const { n, shown } = fakeNotifier();
    installNotifier(n);
    useNotificationsStore.setState({ toasts: [] });
    // Main runs in an English locale (the browser host on a server); the page is Russian.
    const fromEnglishHost = { ...notice, kind: 'predicted_late' as const, title: 'Predicted late: order AL-1', body: 'Order AL-1: predicted after the deadline', text: text('Order AL-1: predicted after the deadline', 'Заказ AL-1: прогноз после срока') };
    showNotice(fromEnglishHost, makeTranslator('ru'), () => {});
    expect(useNotificationsStore.getState().toasts.at(-1)).toMatchObject({ title: 'Прогноз: опоздание AL-1', body: 'Заказ AL-1: прогноз после срока' });
    expect(shown.at(-1)).toMatchObject({ body: 'Заказ AL-1: прогноз после срока' });
    showNotice({ ...fromEnglishHost, orderId: 'o7' }, makeTranslator('en'), () => {});
    expect(useNotificationsStore.getState().toasts.at(-1)).toMatchObject({ body: 'Order AL-1: predicted after the deadline' });
  });
});
