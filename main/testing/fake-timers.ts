// A controllable clock and timer queue for sync tests: nothing runs until the test advances.
import type { Timers } from '../sync/connection';

interface Task {
  id: number;
  at: number;
  fn: () => void;
}

export class FakeTimers implements Timers {
  private t: number;
  private seq = 0;
  private tasks: Task[] = [];

  constructor(start = 0) {
    this.t = start;
  }

  now = (): number => this.t;

  set = (fn: () => void, ms: number): unknown => {
    const task = { id: ++this.seq, at: this.t + Math.max(0, ms), fn };
    this.tasks.push(task);
    return task.id;
  };

  clear = (handle: unknown): void => {
    this.tasks = this.tasks.filter((task) => task.id !== handle);
  };

  defer = (fn: () => void): void => {
    this.set(fn, 0);
  };

  /** Delays of the timers now waiting, soonest first (for backoff assertions). */
  pendingDelays(): number[] {
    return this.tasks.map((task) => task.at - this.t).sort((a, b) => a - b);
  }

  /** Runs everything due now, including what those tasks schedule for now. */
  flush(): void {
    this.advance(0);
  }

  /** Moves the clock forward, running due tasks in time order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = this.tasks.filter((task) => task.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (due === undefined) break;
      this.tasks = this.tasks.filter((task) => task !== due);
      this.t = Math.max(this.t, due.at);
      due.fn();
    }
    this.t = end;
  }
}
