// The problem queue: main ranks it (most urgent first) and counts it; the renderer only shows
// ages ticking. Refetched on order changes and every half minute, because "at risk" and the
// 2 h / 1 day reminders become true with time alone, without any change event.
import { create } from 'zustand';
import { PROBLEM_QUEUE_REQUEST } from '../../../../shared/api/console-start';
import type { ProblemQueue } from '../../../../shared/api/orders-api';
import { api, errorMessage } from '../../api/client';
import type { CarriedBy } from '../../../../shared/domain/carried-by';

export const PROBLEMS_REFRESH_MS = 30_000;

export interface ProblemsState {
  queue: ProblemQueue | null;
  error: string | null;
  /** Only orders carried by the own fleet, courier services or carriers (issue 16); null: all. */
  carriedBy: CarriedBy | null;
}

export const useProblemsStore = create<ProblemsState>(() => ({ queue: null, error: null, carriedBy: null }));

export async function setProblemsCarriedBy(carriedBy: CarriedBy | null): Promise<void> {
  useProblemsStore.setState({ carriedBy });
  await loadProblems();
}

export async function loadProblems(): Promise<void> {
  try {
    const { carriedBy } = useProblemsStore.getState();
    const queue = await api().problemQueue(carriedBy === null ? PROBLEM_QUEUE_REQUEST : { ...PROBLEM_QUEUE_REQUEST, carriedBy });
    useProblemsStore.setState({ queue, error: null });
  } catch (err) {
    useProblemsStore.setState({ error: errorMessage(err) });
  }
}

/** Everything the queue holds; the badge shows this. */
export function problemCount(queue: ProblemQueue | null): number {
  if (!queue) return 0;
  return Object.values(queue.counts).reduce((a, b) => a + b, 0);
}
