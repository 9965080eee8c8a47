// @vitest-environment happy-dom
// The status choice the correction and the resolve dialogs share: the allowed targets by their
// names in the console's language after the empty choice, labelled, and the choice handed back.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderStatus } from '../../../../shared/domain/vocabulary';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { useSettingsStore } from '../settings/store';
import { StatusSelect } from './StatusSelect';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let dom: DomHost;
let chosen: Array<OrderStatus | ''>;
beforeEach(() => {
  dom = mountHost();
  chosen = [];
});
afterEach(() => dom.unmount());

function show(lang: 'ru' | 'en', value: OrderStatus | ''): HTMLSelectElement {
  useSettingsStore.setState({ language: lang });
  act(() => dom.root.render(<StatusSelect label="To" emptyLabel="(choose)" targets={['confirmed', 'at_warehouse']} value={value} onChange={(s) => chosen.push(s)} />));
  return dom.host.querySelector('select') as HTMLSelectElement;
}

describe('status choice', () => {
  it('names the targets in English after the empty choice, under its label', () => {
    const select = show('en', '');
    expect(dom.host.querySelector('label span')?.textContent).toBe('To');
    expect(Array.from(select.options).map((o) => [o.value, o.textContent])).toEqual([
      ['', '(choose)'],
      ['confirmed', 'Confirmed'],
      ['at_warehouse', 'At warehouse'],
    ]);
    expect(select.hasAttribute('data-autofocus')).toBe(true);
  });

  it('names them in Russian, shows the value and hands a choice back', () => {
    const select = show('ru', 'confirmed');
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(['(choose)', 'Подтверждён', 'На складе']);
    expect(select.value).toBe('confirmed');
    act(() => {
      select.value = 'at_warehouse';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(chosen).toEqual(['at_warehouse']);
  });
});
