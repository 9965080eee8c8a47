import { describe, it, expect } from 'vitest';
import { DueQueue } from './due-queue';

describe('DueQueue', () => {
  it('pops what is due, earliest first, and skips rescheduled entries', () => {
    const q = new DueQueue();
    q.set('a', 30);
    q.set('b', 10);
    q.set('c', 20);
    q.set('a', 5); // rescheduled earlier: the old 30 entry is stale
    q.set('c', null); // cleared
    expect(q.peek()).toBe(5);
    expect(q.popDue(15)).toEqual(['a', 'b']);
    expect(q.popDue(100)).toEqual([]);
    expect(q.peek()).toBeNull();
    expect(q.size).toBe(0);
  });

  it('keeps order over many random entries', () => {
    const q = new DueQueue();
    const want = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const id = `o${i % 700}`;
      const at = (i * 7919) % 10_000;
      q.set(id, at);
      want.set(id, at);
    }
    const popped = q.popDue(Number.MAX_SAFE_INTEGER);
    expect(popped.length).toBe(want.size);
    const ats = popped.map((id) => want.get(id) as number);
    expect([...ats].sort((a, b) => a - b)).toEqual(ats);
  });
});
