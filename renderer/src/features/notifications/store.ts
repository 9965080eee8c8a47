// Desktop notices (the user's own new alerts, new problems) from main's `notice` event: a toast
// in the window (always, no permission needed) and, where the system allows, a system
// notification through the notifier adapter; in the user's language; a click opens the order,
// or for a warehouse alert (nobody started the day) that warehouse's drivers.
import { create } from 'zustand';
import type { NoticeEvent } from '../../../../shared/api/events';
import type { MessageKey, Translator } from '../../i18n/translate';
import { browserNotifier, type Notifier, type NotifyPermission } from './notifier';

/** A toast in the window's corner. */
export interface Toast {
  id: number;
  kind: NoticeEvent['kind'];
  orderId: string | null;
  warehouseId: string | null;
  number: string;
  title: string;
  body: string;
}

export interface NotificationsState {
  permission: NotifyPermission;
  /** Newest last; at most MAX_TOASTS. */
  toasts: Toast[];
  /** Where system notifications go (the browser's, or a test's). */
  notifier: Notifier;
  /** The last toast's id: the next one counts on from here. */
  lastToastId: number;
}

/** More than this at once is a flood: the oldest go (the Alerts tab keeps them all). */
export const MAX_TOASTS = 4;
/** A toast leaves by itself after this long. */
export const TOAST_MS = 12_000;

export const useNotificationsStore = create<NotificationsState>(() => {
  const notifier = browserNotifier();
  return { permission: notifier.permission(), toasts: [], notifier, lastToastId: 0 };
});

export function installNotifier(next: Notifier): void {
  useNotificationsStore.setState({ notifier: next, permission: next.permission() });
}

export async function requestNotificationPermission(): Promise<void> {
  useNotificationsStore.setState({ permission: await useNotificationsStore.getState().notifier.request() });
}

const TITLE_KEY = {
  sla_warning: 'notify.warning',
  sla_critical: 'notify.critical',
  sla_breach: 'notify.breached',
  not_taken: 'notify.notTaken',
  not_picked: 'notify.notPicked',
  predicted_late: 'notify.predictedLate',
  no_shift_start: 'notify.noShiftStart',
  carrier_loading: 'notify.carrierLoading',
  carrier_call: 'notify.carrierCall',
  problem: 'notify.problem',
} as const satisfies Record<NoticeEvent['kind'], MessageKey>;

export function noticeTitle(n: NoticeEvent, t: Translator): string {
  return t(TITLE_KEY[n.kind], { number: n.number });
}

/** What a notice is about: an order, or (a warehouse alert) a warehouse. */
export type NoticeTarget = Pick<NoticeEvent, 'orderId' | 'warehouseId' | 'number'>;

const subjectOf = (n: NoticeTarget): string => (n.orderId === null ? `w:${n.warehouseId ?? ''}` : n.orderId);

/** The body in the page's language (main sends both; its own `body` follows the host process's locale). */
export function noticeBody(n: NoticeEvent, t: Translator): string {
  return n.text[t.lang].body;
}

export function showNotice(n: NoticeEvent, t: Translator, open: (target: NoticeTarget) => void): void {
  const title = noticeTitle(n, t);
  const body = noticeBody(n, t);
  const target: NoticeTarget = { orderId: n.orderId, warehouseId: n.warehouseId, number: n.number };
  const { notifier, lastToastId } = useNotificationsStore.getState();
  notifier.show({ title, body, tag: `${n.kind}:${subjectOf(n)}`, onClick: () => open(target) });
  const toast: Toast = { id: lastToastId + 1, kind: n.kind, orderId: n.orderId, warehouseId: n.warehouseId, number: n.number, title, body };
  // A repeat for the same order (or warehouse) and kind replaces the old toast instead of stacking.
  useNotificationsStore.setState((s) => ({
    lastToastId: toast.id,
    toasts: [...s.toasts.filter((x) => !(subjectOf(x) === subjectOf(n) && x.kind === n.kind)), toast].slice(-MAX_TOASTS),
  }));
  setTimeout(() => dismissToast(toast.id), TOAST_MS);
}

export function dismissToast(id: number): void {
  useNotificationsStore.setState((s) => (s.toasts.some((x) => x.id === id) ? { toasts: s.toasts.filter((x) => x.id !== id) } : {}));
}
