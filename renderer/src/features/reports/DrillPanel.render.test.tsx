// @vitest-environment happy-dom
// The orders behind a figure, rendered: the panel says whether they came from this computer's
// copy or from the server (a period older than the copy keeps), pages through the server's list,
// and says in words, with a retry, when the server that holds them can't be reached.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarshrutApi } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/client';
import type { ReportOrdersPage } from '../../../../shared/api/reports-api';
import type { DrillRow } from '../../../../shared/reports/drill-down';
import { installApi } from '../../api/client';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { useSettingsStore } from '../settings/store';
import { DrillPanel } from './DrillPanel';
import { openDrill, resetReportsStore } from './store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const T = Date.UTC(2026, 0, 5, 7);
const row = (n: number): DrillRow => ({
  id: `o-${n}`,
  number: `MR-${n}`,
  createdAt: T,
  status: 'delivered',
  serviceType: 'standard',
  customerName: 'Kaspi Shop',
  carriedBy: 'own',
  carrier: 'Berik',
  deadline: T + 3_600_000,
  deliveredAt: T + 1_800_000,
  problemReasons: [],
  hit: true,
});

let dom: DomHost;
let calls: Array<{ offset: number; limit: number }>;
/** What the next reportOrders call does: answer a page, or fail as main fails. */
let answer: (a: { offset: number; limit: number }) => Promise<ReportOrdersPage>;

beforeEach(() => {
  calls = [];
  installApi({
    reportOrders: (a: { offset: number; limit: number }) => {
      calls.push({ offset: a.offset, limit: a.limit });
      return answer(a);
    },
  } as unknown as MarshrutApi);
  resetReportsStore();
  dom = mountHost();
});
afterEach(() => dom.unmount());

async function open(lang: 'ru' | 'en'): Promise<HTMLElement> {
  useSettingsStore.setState({ language: lang });
  await act(async () => {
    dom.root.render(<DrillPanel />);
  });
  await act(async () => {
    await openDrill({ figure: 'onTime' }, 'On time');
  });
  return dom.host;
}

const click = async (el: Element | null | undefined) => {
  expect(el).toBeTruthy();
  await act(async () => {
    (el as HTMLButtonElement).click();
    await Promise.resolve();
  });
};

describe('drill-down: where the orders came from', () => {
  it("says the server's orders are the server's, and pages through them", async () => {
    answer = async ({ offset, limit }) => ({ total: 250, source: 'server', rows: Array.from({ length: Math.min(limit, 250 - offset) }, (_, i) => row(offset + i)) });
    const host = await open('en');
    expect(host.querySelector('[data-testid="drill-source"]')?.textContent).toBe('From the server (this computer keeps the last 62 days)');
    expect(host.querySelectorAll('tbody tr')).toHaveLength(200);
    await click([...host.querySelectorAll('button')].find((b) => b.textContent === 'Show more'));
    expect(calls).toEqual([
      { offset: 0, limit: 200 },
      { offset: 200, limit: 200 },
    ]);
    expect(host.querySelectorAll('tbody tr')).toHaveLength(250);
    expect([...host.querySelectorAll('button')].some((b) => b.textContent === 'Show more')).toBe(false);
  });

  it("says a local list is this computer's copy", async () => {
    answer = async () => ({ total: 1, source: 'local', rows: [row(1)] });
    const host = await open('ru');
    expect(host.querySelector('[data-testid="drill-source"]')?.textContent).toBe('Из копии на этом компьютере (он хранит последние 62 дня)');
  });

  it("says in words that the server holding old orders can't be reached, and tries again", async () => {
    answer = async () => {
      throw new ApiError({ code: 'unavailable', message: "The server computes this period and can't be reached: fetch failed" });
    };
    const host = await open('ru');
    const alert = host.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Эти заказы старше 62 дней, которые хранит этот компьютер, а сервер недоступен. Проверьте связь и повторите.');
    expect(host.querySelector('tbody')).toBeNull();
    answer = async () => ({ total: 1, source: 'server', rows: [row(7)] });
    await click([...host.querySelectorAll('button')].find((b) => b.textContent === 'Повторить'));
    expect(host.querySelector('[role="alert"]')).toBeNull();
    expect(host.querySelector('tbody')?.textContent).toContain('MR-7');
    expect(host.querySelector('[data-testid="drill-source"]')?.textContent).toBe('С сервера (этот компьютер хранит последние 62 дня)');
  });

  it('passes any other refusal on as it is', async () => {
    answer = async () => {
      throw new ApiError({ code: 'invalid_request', message: 'customerId: no such customer "x"' });
    };
    const host = await open('en');
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('customerId: no such customer "x"');
  });
});
