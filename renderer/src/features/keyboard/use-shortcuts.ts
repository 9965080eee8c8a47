// The one window-level key listener: resolves a key with shortcuts.ts and runs the action.
import { SEARCH_INPUT_ID } from '../../ui/dom-ids';
import { useEffect } from 'react';
import { requestQueueFocus, requestSearchFocus, useLayoutStore } from '../../app/layout-store';
import { closeDialog, closeOrder, openDialog, openOrder, useOrderCardStore } from '../order-card/store';
import { rowAt, setCursor, useOrdersStore } from '../orders/store';
import { isNewOrderOpen, openNewOrder } from '../new-order/store';
import { useSessionStore } from '../session/store';
import { canCreateOrders } from '../../../../shared/api/order-actions';
import { isMovement, moveCursor, resolveShortcut, type Command } from './shortcuts';


function isTextField(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(el.type);
  return el instanceof HTMLElement && el.isContentEditable;
}

/** Assign: the open card's order, else the one under the queue cursor (opened first). */
async function assignShortcut(): Promise<void> {
  const card = useOrderCardStore.getState();
  let orderId = card.orderId;
  if (!orderId) {
    const s = useOrdersStore.getState();
    orderId = rowAt(s, s.cursor)?.id ?? null;
    if (!orderId) return;
    await openOrder(orderId);
  }
  const detail = useOrderCardStore.getState().detail;
  if (detail && detail.order.id === orderId && detail.actions.includes('assign')) await openDialog('assign');
}

export function runCommand(command: Command, active: Element | null): void {
  if (isMovement(command)) {
    const s = useOrdersStore.getState();
    const page = Math.max(1, s.visible.end - s.visible.start - 2);
    setCursor(moveCursor(s.cursor, command, s.total, page));
    return;
  }
  switch (command) {
    case 'focus_search':
      requestSearchFocus();
      return;
    case 'open': {
      const s = useOrdersStore.getState();
      const row = rowAt(s, s.cursor);
      if (row) void openOrder(row.id);
      return;
    }
    case 'assign':
      void assignShortcut();
      return;
    case 'new_order':
      if (canCreateOrders(useSessionStore.getState().session?.actor ?? null)) void openNewOrder();
      return;
    case 'escape': {
      const card = useOrderCardStore.getState();
      if (card.dialog) closeDialog();
      else if (active instanceof HTMLElement && active.id === SEARCH_INPUT_ID) requestQueueFocus();
      else if (card.orderId) closeOrder();
      return;
    }
  }
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.isComposing) return;
      const active = document.activeElement;
      const command = resolveShortcut(e, {
        inTextField: isTextField(active),
        inSearch: active instanceof HTMLElement && active.id === SEARCH_INPUT_ID,
        dialogOpen: useOrderCardStore.getState().dialog !== null || isNewOrderOpen(),
        onConsole: useLayoutStore.getState().screen === 'console',
      });
      if (!command) return;
      // Buttons keep their own Enter (and links theirs): only the queue's Enter opens an order.
      if (command === 'open' && active instanceof HTMLButtonElement) return;
      e.preventDefault();
      runCommand(command, active);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
