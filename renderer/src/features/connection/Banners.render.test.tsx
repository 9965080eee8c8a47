// @vitest-environment happy-dom
// An edit the server refused later shows as a banner. A refused "My notifications" save is
// worded from the dictionary in the console's language by its code (the server's sentence is
// English); other edits keep the server's sentence, which names the order and the person.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConflictView } from '../../../../shared/api/session-api';
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

describe('refused edits banner (rendered)', () => {
  it("the banner words the server's later refusal of the save in Russian, other edits keep the server's sentence", async () => {
    const conflict = (name: string, code: string, message: string): ConflictView => ({ id: name, mid: 1, name, orderId: null, orderNumber: null, code, message, at: 0 });
    act(() => {
      useSettingsStore.setState({ language: 'ru' });
      useConnectionStore.setState({ conflicts: [conflict('setMyNotifyPrefs', 'forbidden', "Dispatcher can't change notification settings"), conflict('addComment', 'not_found', 'No order o-1')] });
    });
    await act(async () => dom.root.render(<Banners />));
    const banners = [...dom.host.querySelectorAll('.banner-conflict')].map((b) => b.textContent ?? '');
    expect(banners[0]).toContain('Мои уведомления не сохранены: Оповещения вне приложения получают только диспетчеры, руководители и администраторы.');
    expect(banners[0]).not.toContain("can't");
    expect(banners[1]).toContain('No order o-1');
  });
});
