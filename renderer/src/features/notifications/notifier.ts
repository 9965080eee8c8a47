// A small adapter over the browser's Notification API, so the rest of the app (and tests)
// don't touch the global. Under Electron main shows native notifications itself.
export type NotifyPermission = 'granted' | 'denied' | 'default' | 'unsupported';

export interface Notifier {
  permission(): NotifyPermission;
  request(): Promise<NotifyPermission>;
  show(n: { title: string; body: string; tag: string; onClick: () => void }): void;
}

export function browserNotifier(): Notifier {
  const supported = typeof window !== 'undefined' && 'Notification' in window;
  return {
    permission: () => (supported ? Notification.permission : 'unsupported'),
    request: async () => (supported ? await Notification.requestPermission() : 'unsupported'),
    show: ({ title, body, tag, onClick }) => {
      if (!supported || Notification.permission !== 'granted') return;
      // `tag` makes a repeat notice for the same order replace the old one instead of stacking.
      const n = new Notification(title, { body, tag });
      n.onclick = () => {
        window.focus();
        onClick();
        n.close();
      };
    },
  };
}
