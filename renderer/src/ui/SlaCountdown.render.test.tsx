// @vitest-environment happy-dom
// The countdown cell takes its order's region calendar from the session: an admin's holiday in
// that region moves amber and red, other regions keep the default.
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { mountHost, type DomHost } from '../testing/dom-host';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '../../../shared/domain/sla-policy';
import { DEFAULT_KZ_CALENDAR } from '../../../shared/domain/working-calendar';
import { useClockStore } from '../features/clock/store';
import { useSessionStore } from '../features/session/store';
import { useSettingsStore } from '../features/settings/store';
import { SlaCountdown } from './SlaCountdown';
import type { SlaRowInput } from './sla-view';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const H = 3_600_000;
// Tuesday 2026-02-10, 9:30 in Astana.
const NOW = Date.UTC(2026, 1, 10, 4, 30);
let root: Root;
let host: HTMLElement;
let dom: DomHost;

beforeEach(() => {
  useSettingsStore.setState({ language: 'en' });
  useClockStore.setState({ now: NOW, skewMs: 0 });
  useSessionStore.setState({
    session: {
      user: null,
      actor: 'dispatcher',
      actions: [],
      configured: true,
      slaPolicies: DEFAULT_SLA_POLICIES,
      calendars: { 'r-holiday': { ...DEFAULT_KZ_CALENDAR, holidays: [...DEFAULT_KZ_CALENDAR.holidays, '2026-02-10'] } },
    },
    error: null,
  });
  dom = mountHost();
  ({ host, root } = dom);
});

afterEach(() => {
  dom.unmount();
  useSessionStore.setState({ session: null, error: null });
});

// A standard order (working days) due today at 12:01.
const order = (regionId: string): SlaRowInput => ({
  status: 'confirmed',
  serviceType: 'standard',
  vip: false,
  slaDeadline: NOW + 2.5 * H + 60_000,
  confirmedAt: NOW - 30 * H,
  regionId,
});

function stateOf(row: SlaRowInput): string | null {
  act(() => root.render(<SlaCountdown row={row} />));
  return host.querySelector('[data-sla-state]')?.getAttribute('data-sla-state') ?? null;
}

describe('SlaCountdown', () => {
  it('counts in the order region calendar from the session', () => {
    expect(stateOf(order('r-other'))).toBe('ok');
    // Today is a holiday there: the working time before the deadline was yesterday's.
    expect(stateOf(order('r-holiday'))).toBe('critical');
  });
});
