// @vitest-environment happy-dom
// The archive under the queue, rendered: asked by itself when the replica found nothing (and not
// for text too short to ask about), rows marked "archive", a row opening the read-only card (no
// actions, "Archive — from the server"), and a server out of reach said in words with a retry,
// in Russian and English, never as an empty result.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarshrutApi } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/client';
import type { ArchiveCardView, ArchiveSearchResult } from '../../../shared/api/archive-api';
import { toArchiveOrder } from '../../../shared/archive/archive-search';
import { testOrderRow } from '../../../shared/testing/order-row';
import { installApi } from '../api/client';
import { mountHost, type DomHost } from '../testing/dom-host';
import { OrderCard } from '../features/order-card/OrderCard';
import { resetOrderCardStore } from '../features/order-card/store';
import { resetOrdersStore, useOrdersStore } from '../features/orders/store';
import { useSettingsStore } from '../features/settings/store';
import { ArchiveResults } from '../features/archive/ArchiveResults';
import { resetArchiveStore } from '../features/archive/store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const T = Date.UTC(2025, 9, 28, 7);
const OLD = { ...toArchiveOrder(testOrderRow({ id: 'o-old', number: 'AR-400001', customerName: 'ТОО «Архивный Клиент»', status: 'delivered', createdAt: T, updatedAt: T, deliveredAt: T + 3_600_000 }), 'Arman'), localId: null };

let dom: DomHost;
let searches: string[];
let search: () => Promise<ArchiveSearchResult>;
let card: ArchiveCardView;
const fromServer: ArchiveCardView = {
  card: { order: OLD, events: [{ id: 'e1', orderId: 'o-old', kind: 'created', at: T, fromStatus: null, toStatus: 'new', subMark: null, actor: 'dispatcher', actorId: null, actorName: 'Aigerim', source: 'manual', reason: null, comment: null, driverId: null, changes: null, handover: null }] },
  fetchedAt: T + 400 * 86_400_000,
  source: 'server',
  serverError: null,
};

beforeEach(() => {
  searches = [];
  card = fromServer;
  search = async () => ({ kind: 'customer', rows: [OLD], offset: 0, hasMore: false, windowStart: '2026-10-01' });
  installApi({
    searchArchive: (a: { text: string }) => {
      searches.push(a.text);
      return search();
    },
    openArchiveOrder: async () => card,
  } as unknown as MarshrutApi);
  resetArchiveStore();
  resetOrdersStore();
  resetOrderCardStore();
  dom = mountHost();
});
afterEach(() => dom.unmount());

/** The queue's state after a local search: `total` orders found in the replica for `text`. */
async function queueSearched(lang: 'ru' | 'en', text: string, total: number): Promise<HTMLElement> {
  useSettingsStore.setState({ language: lang });
  await act(async () => {
    useOrdersStore.setState({ filters: { ...useOrdersStore.getState().filters, search: text }, loaded: true, total });
    dom.root.render(
      <>
        <ArchiveResults />
        <OrderCard />
      </>,
    );
  });
  await act(async () => {
    await Promise.resolve();
  });
  return dom.host;
}

describe('the archive under the queue', () => {
  it('asks the server when the replica found nothing, and opens a row read-only (English)', async () => {
    const host = await queueSearched('en', 'Архивный', 0);
    expect(searches).toEqual(['Архивный']);
    expect(host.querySelector('.archive-head')?.textContent).toBe('Server archive by customer: 1 order');
    const row = host.querySelector<HTMLButtonElement>('.archive-row');
    expect(row?.getAttribute('aria-label')).toBe('AR-400001, ТОО «Архивный Клиент», archive');
    await act(async () => {
      row?.click();
      await Promise.resolve();
    });
    const article = host.querySelector('article.archive-card');
    expect(article?.textContent).toContain('Archive — from the server');
    expect(article?.textContent).toContain('Read-only');
    // Only the close button: nothing on it can change.
    expect(article?.querySelectorAll('button')).toHaveLength(1);
    expect(article?.querySelector('[role="toolbar"]')).toBeNull();
  });

  it('waits for a click when the replica found orders, and asks nothing for text too short', async () => {
    const host = await queueSearched('en', 'Архивный', 3);
    expect(searches).toEqual([]);
    expect(host.textContent).toContain('Search older orders on the server');
    const short = await queueSearched('en', 'a', 0);
    expect(searches).toEqual([]);
    expect(short.querySelector('.archive-results')).not.toBeNull();
  });

  it('shows the cached copy as a copy, with when it was fetched, when the server is out of reach (Russian)', async () => {
    card = { ...fromServer, source: 'cache', serverError: "The server can't be reached" };
    const host = await queueSearched('ru', 'Архивный', 0);
    await act(async () => {
      host.querySelector<HTMLButtonElement>('.archive-row')?.click();
      await Promise.resolve();
    });
    const note = host.querySelector('article.archive-card [role="note"]');
    expect(note?.textContent).toContain('Сервер недоступен: это копия, полученная в');
    expect(note?.textContent).not.toContain("can't");
  });

  it('says the server is out of reach with a retry, never "nothing found" (Russian)', async () => {
    search = async () => {
      throw new ApiError({ code: 'unavailable', message: "The server can't be reached: ECONNREFUSED" });
    };
    const host = await queueSearched('ru', 'Архивный', 0);
    const alert = host.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Сервер недоступен');
    expect(alert?.textContent).toContain('Повторить');
    expect(host.querySelector('.archive-head')).toBeNull();
  });

  it('says plainly when the archive has nothing either (Russian, with the day the window starts)', async () => {
    search = async () => ({ kind: 'phone', rows: [], offset: 0, hasMore: false, windowStart: '2026-10-01' });
    const host = await queueSearched('ru', '999 88 77', 0);
    expect(host.querySelector('.archive-head')?.textContent).toBe('В архиве сервера нет заказов по телефону до 01.10.2026.');
  });
});
