// Desktop notices (SLA warnings, breaches, new problems) from main's `notice` event: shown
// through the notifier adapter in the user's language; a click opens the order.
import { create } from 'zustand';
import type { NoticeEvent } from '../../../../shared/api/events';
import type { Translator } from '../../i18n/translate';
import { browserNotifier, type Notifier, type NotifyPermission } from './notifier';

export interface NotificationsState {
  permission: NotifyPermission;
}

let notifier: Notifier = browserNotifier();

export const useNotificationsStore = create<NotificationsState>(() => ({ permission: notifier.permission() }));

export function installNotifier(next: Notifier): void {
  notifier = next;
  useNotificationsStore.setState({ permission: next.permission() });
}

export async function requestNotificationPermission(): Promise<void> {
  useNotificationsStore.setState({ permission: await notifier.request() });
}

const TITLE_KEY = { sla_warning: 'notify.warning', sla_breach: 'notify.breached', problem: 'notify.problem' } as const;

export function noticeTitle(n: NoticeEvent, t: Translator): string {
  return t(TITLE_KEY[n.kind], { number: n.number });
}

export function showNotice(n: NoticeEvent, t: Translator, open: (orderId: string) => void): void {
  notifier.show({ title: noticeTitle(n, t), body: n.body, tag: `${n.kind}:${n.orderId}`, onClick: () => open(n.orderId) });
}
