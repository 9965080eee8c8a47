// When each order next needs a look: a min-heap of (at, orderId) with lazy deletion, so the
// scheduler wakes for the few orders whose moment came instead of scanning all of them.
// Rescheduling an order just pushes a new entry; stale ones are skipped when they surface.
export class DueQueue {
  private readonly heap: Array<{ at: number; id: string }> = [];
  private readonly current = new Map<string, number>();

  /** Sets (or clears, with null) when `id` is next due. */
  set(id: string, at: number | null): void {
    if (at === null) {
      this.current.delete(id);
      return;
    }
    if (this.current.get(id) === at) return;
    this.current.set(id, at);
    this.push({ at, id });
  }

  /** The earliest due time, or null when nothing is scheduled. */
  peek(): number | null {
    this.dropStale();
    return this.heap[0]?.at ?? null;
  }

  /** Removes and returns every id due at or before `now`. */
  popDue(now: number): string[] {
    const out: string[] = [];
    for (;;) {
      this.dropStale();
      const top = this.heap[0];
      if (top === undefined || top.at > now) break;
      this.pop();
      this.current.delete(top.id);
      out.push(top.id);
    }
    return out;
  }

  get size(): number {
    return this.current.size;
  }

  clear(): void {
    this.heap.length = 0;
    this.current.clear();
  }

  private dropStale(): void {
    for (;;) {
      const top = this.heap[0];
      if (top === undefined || this.current.get(top.id) === top.at) return;
      this.pop();
    }
  }

  private push(entry: { at: number; id: string }): void {
    const h = this.heap;
    h.push(entry);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((h[parent] as { at: number }).at <= entry.at) break;
      h[i] = h[parent] as { at: number; id: string };
      i = parent;
    }
    h[i] = entry;
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop();
    if (last === undefined || h.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      let mAt = last.at;
      if (l < h.length && (h[l] as { at: number }).at < mAt) {
        m = l;
        mAt = (h[l] as { at: number }).at;
      }
      if (r < h.length && (h[r] as { at: number }).at < mAt) m = r;
      if (m === i) break;
      h[i] = h[m] as { at: number; id: string };
      i = m;
    }
    h[i] = last;
  }
}
