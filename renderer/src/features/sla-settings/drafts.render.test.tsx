// @vitest-environment happy-dom
// The SLA rules' forms keep what an admin is typing while the screen re-reads: any change to
// the settings tables (their own policy save coming back through sync) hands the forms the same
// rows as new objects, and the calendar's draft used to reset on that, so a holiday added
// before "Save calendar" was lost (an e2e run saved the calendar without it). A real change of
// the stored value still replaces the draft.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegionCalendarView } from '../../../../shared/api/alerts-api';
import { DEFAULT_SLA_POLICIES, type SlaPolicy } from '../../../../shared/domain/sla-policy';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { useSettingsStore } from '../settings/store';
import { CalendarEditor } from './CalendarEditor';
import { PoliciesTable } from './PoliciesTable';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ALMATY: RegionCalendarView = { id: 'r-almaty', name: 'Алматы', utcOffsetMinutes: 300, workingDays: [1, 2, 3, 4, 5], workStartMinute: 540, workEndMinute: 1080, holidays: ['2026-12-16', '2027-01-01'] };

let dom: DomHost;
beforeEach(() => {
  useSettingsStore.setState({ language: 'en' });
  dom = mountHost();
});
afterEach(() => dom.unmount());

const holidays = () => [...dom.host.querySelectorAll('ul[aria-label="Holidays"] li')].map((li) => li.textContent?.replace('✕', ''));
const click = (el: Element | null) => act(() => (el as HTMLElement).click());

function type(el: HTMLInputElement, text: string): void {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(el, text);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the calendar editor while the screen re-reads', () => {
  const show = (regions: RegionCalendarView[]) => act(() => dom.root.render(<CalendarEditor regions={regions} canEdit />));

  it('keeps an unsaved edit when the same calendar arrives as new objects', () => {
    show([structuredClone(ALMATY)]);
    click(dom.host.querySelector('button[aria-label="Remove holiday 16/12/2026"]'));
    expect(holidays()).toEqual(['01/01/2027']);
    show([structuredClone(ALMATY)]);
    expect(holidays()).toEqual(['01/01/2027']);
  });

  it('shows the stored calendar when it really changed', () => {
    show([structuredClone(ALMATY)]);
    click(dom.host.querySelector('button[aria-label="Remove holiday 16/12/2026"]'));
    show([{ ...ALMATY, holidays: [...ALMATY.holidays, '2027-03-08'] }]);
    expect(holidays()).toEqual(['16/12/2026', '01/01/2027', '08/03/2027']);
  });
});

describe('an SLA policy row while the screen re-reads', () => {
  const policies = (): SlaPolicy[] => structuredClone(Object.values(DEFAULT_SLA_POLICIES));
  const show = (list: SlaPolicy[]) => act(() => dom.root.render(<PoliciesTable policies={list} customized={[]} canEdit />));
  const norm = () => dom.host.querySelector<HTMLInputElement>('input[aria-label="Intercity: Norm, h"]') as HTMLInputElement;

  it('keeps a typed norm when the same policies arrive as new objects, and takes a stored change', () => {
    show(policies());
    const stored = norm().value;
    type(norm(), '80');
    show(policies());
    expect(norm().value).toBe('80');
    show(policies().map((p) => (p.key === 'intercity' ? { ...p, normMinutes: 90 * 60 } : p)));
    expect(norm().value).toBe('90');
    expect(stored).not.toBe('90');
  });
});
