// The problem queue: main ranks it (most urgent first) and counts it; the renderer only shows
// ages ticking. Refetched on order changes and every half minute, because "at risk" and the
// 2 h / 1 day reminders become true with time alone, without any change event.
import { create } from 'zustand';
import { PROBLEM_QUEUE_REQUEST } from '../../../../shared/api/console-start';
import type { ProblemQueue } from '../../../../shared/api/orders-api';
import { api, errorMessage } from '../../api/client';

export const PROBLEMS_REFRESH_MS = 30_000;

export interface ProblemsState {
  queue: ProblemQueue | null;
  error: string | null;
}

export const useProblemsStore = create<ProblemsState>(() => ({ queue: null, error: null }));

export async function loadProblems(): Promise<void> {
  try {
    const queue = await api().problemQueue(PROBLEM_QUEUE_REQUEST);
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
