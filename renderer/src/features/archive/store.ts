// Older orders than this desktop keeps (issue 19): the queue's search asks the server's archive
// when the replica found nothing (or when asked), and an order opened by number that the
// replica does not hold opens read-only from the archive. A server out of reach is a state of
// its own ('unavailable'), never shown as "nothing found".
import { create } from 'zustand';
import type { ArchiveCardView, ArchiveRow, ArchiveSearchResult } from '../../../../shared/api/archive-api';
import { archiveSearchOf } from '../../../../shared/archive/archive-search';
import { api, errorMessage } from '../../api/client';
import { showRightPanel, useLayoutStore } from '../../app/layout-store';
import { closeOrder, openOrder, useOrderCardStore } from '../order-card/store';

export type ArchiveSearchStatus = 'idle' | 'loading' | 'done' | 'unavailable' | 'error' | 'tooShort';

export interface ArchiveCardState {
  number: string;
  status: 'loading' | 'ok' | 'unavailable' | 'notFound' | 'error';
  view: ArchiveCardView | null;
  message: string | null;
}

export interface ArchiveState {
  /** The search text the results belong to (trimmed). */
  text: string;
  status: ArchiveSearchStatus;
  /** Pages asked so far, rows appended. */
  result: (Omit<ArchiveSearchResult, 'rows'> & { rows: ArchiveRow[] }) | null;
  message: string | null;
  card: ArchiveCardState | null;
  /** Bumped by each new search so a late answer of an older one is dropped. */
  generation: number;
}

const initial = (): ArchiveState => ({ text: '', status: 'idle', result: null, message: null, card: null, generation: 0 });

export const useArchiveStore = create<ArchiveState>(initial);

export function resetArchiveStore(): void {
  useArchiveStore.setState(initial(), true);
}

// Another order opened in the card panel: the archive card gives way to it.
useOrderCardStore.subscribe((s, prev) => {
  if (s.orderId !== null && s.orderId !== prev.orderId && useArchiveStore.getState().card !== null) useArchiveStore.setState({ card: null });
});

const codeOf = (err: unknown): unknown => (err as { code?: unknown } | null)?.code;

/** Asks the archive for `text` (the first page, or the next one with `more`). */
export async function searchArchive(text: string, more = false): Promise<void> {
  const trimmed = text.trim();
  if (archiveSearchOf(trimmed) === null) {
    useArchiveStore.setState((s) => ({ text: trimmed, status: 'tooShort', result: null, message: null, generation: s.generation + 1 }));
    return;
  }
  const before = useArchiveStore.getState();
  const continuing = more && before.text === trimmed && before.result !== null;
  const offset = continuing && before.result ? before.result.rows.length : 0;
  const generation = before.generation + 1;
  useArchiveStore.setState({ text: trimmed, status: 'loading', message: null, generation, ...(continuing ? {} : { result: null }) });
  try {
    const page = await api().searchArchive({ text: trimmed, offset });
    if (useArchiveStore.getState().generation !== generation) return;
    useArchiveStore.setState((s) => ({
      status: 'done',
      result: { ...page, rows: continuing && s.result ? [...s.result.rows, ...page.rows] : page.rows },
    }));
  } catch (err) {
    if (useArchiveStore.getState().generation !== generation) return;
    useArchiveStore.setState({ status: codeOf(err) === 'unavailable' ? 'unavailable' : 'error', message: errorMessage(err) });
  }
}

/**
 * The queue's search moved on: results of other text are dropped, and when the replica found
 * nothing for text worth asking about, the archive is asked at once.
 */
export function archiveQueueChanged(search: string, loaded: boolean, total: number): void {
  const text = search.trim();
  const s = useArchiveStore.getState();
  if (s.text !== text) useArchiveStore.setState((p) => ({ text, status: 'idle', result: null, message: null, generation: p.generation + 1 }));
  if (text !== '' && loaded && total === 0 && useArchiveStore.getState().status === 'idle' && archiveSearchOf(text) !== null) void searchArchive(text);
}

function showCardPanel(): void {
  showRightPanel('card');
  if (useLayoutStore.getState().screen !== 'console') useLayoutStore.setState({ screen: 'console' });
}

/**
 * Opens an order by its number wherever it is: the replica's card when this desktop holds it,
 * else the archive's read-only card (from the server, or its cached copy when the server is
 * out of reach).
 */
export async function openOrderByNumber(number: string): Promise<void> {
  closeOrder();
  useArchiveStore.setState({ card: { number, status: 'loading', view: null, message: null } });
  showCardPanel();
  try {
    const r = await api().openArchiveOrder({ number });
    if (useArchiveStore.getState().card?.number !== number) return;
    if ('localId' in r) {
      useArchiveStore.setState({ card: null });
      await openOrder(r.localId);
      return;
    }
    useArchiveStore.setState({ card: { number, status: 'ok', view: r, message: null } });
  } catch (err) {
    if (useArchiveStore.getState().card?.number !== number) return;
    const code = codeOf(err);
    const status = code === 'unavailable' ? 'unavailable' : code === 'not_found' ? 'notFound' : 'error';
    useArchiveStore.setState({ card: { number, status, view: null, message: errorMessage(err) } });
  }
}

/** A row of the archive results: the local card when the replica has the order after all. */
export async function openArchiveRow(row: ArchiveRow): Promise<void> {
  if (row.localId !== null) {
    useArchiveStore.setState({ card: null });
    await openOrder(row.localId);
    return;
  }
  await openOrderByNumber(row.number);
}

export function closeArchiveCard(): void {
  useArchiveStore.setState({ card: null });
}
