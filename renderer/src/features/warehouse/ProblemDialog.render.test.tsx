// @vitest-environment happy-dom
// The warehouse's problem dialog is the shared modal: focus moves in to the first reason, Tab
// stays inside, Escape closes it (and goes no further, so the scanner and the console's keys
// don't see it).
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PickListItem } from '../../../../shared/api/warehouse-api';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { useSettingsStore } from '../settings/store';
import { ProblemDialog } from './ProblemDialog';
import { openProblem, useWarehouseStore } from './store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ITEM = { id: 'o-1', number: 'MR-100200' } as PickListItem;

let root: Root;
let host: HTMLElement;
let dom: DomHost;

beforeEach(() => {
  act(() => useSettingsStore.setState({ language: 'en' }));
  openProblem(ITEM);
  dom = mountHost();
  ({ host, root } = dom);
  act(() => root.render(<ProblemDialog item={ITEM} />));
});
afterEach(() => {
  dom.unmount();
  openProblem(null);
});

const key = (el: Element, k: string, shiftKey = false): KeyboardEvent => {
  const e = new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true });
  act(() => void el.dispatchEvent(e));
  return e;
};

describe('problem dialog (rendered)', () => {
  it('is a labelled modal with focus on the first reason', () => {
    const dialog = host.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog?.getAttribute('aria-labelledby') ?? '')?.textContent).toContain('MR-100200');
    expect(document.activeElement).toBe(host.querySelector('input[type="radio"]'));
  });

  it('keeps Tab inside: from the last button back to the first reason', () => {
    const buttons = host.querySelectorAll('button');
    const last = buttons[buttons.length - 1] as HTMLButtonElement;
    last.focus();
    expect(key(last, 'Tab').defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(host.querySelector('input[type="radio"]'));
  });

  it('closes on Escape, and the key goes no further', () => {
    let reachedWindow = false;
    const onWindow = (): void => void (reachedWindow = true);
    window.addEventListener('keydown', onWindow);
    key(document.activeElement as Element, 'Escape');
    window.removeEventListener('keydown', onWindow);
    expect(useWarehouseStore.getState().problemFor).toBeNull();
    expect(reachedWindow).toBe(false);
  });
});
