// Type-ahead over the drivers' names for the queue's driver filter. Every typed word must occur
// in the name (case- and ё-insensitive); names where each typed word starts a word come first,
// then the rest, each group in the list's own order (by name). Only the first few are shown:
// 2,000 options would cost more to render than the dispatcher could ever read.
import type { DriverName } from '../drivers/store';

export const MAX_SHOWN = 50;

export interface IndexedDriver extends DriverName {
  /** The normalised name with a leading space, so ' ' + word finds a word start. */
  readonly key: string;
}

export interface DriverMatches {
  shown: readonly DriverName[];
  /** Every driver that matches, shown or not. */
  total: number;
}

export function normalizeForSearch(text: string): string {
  return text
    .toLocaleLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\-‐–—.,]+/g, ' ')
    .trim();
}

/** Built once per list of names (not per keystroke, not per position update). */
export function indexDrivers(names: readonly DriverName[]): readonly IndexedDriver[] {
  // The plate is searchable too: a dispatcher may know the truck, not the name.
  return names.map((d) => ({ id: d.id, name: d.name, plate: d.plate, key: ` ${normalizeForSearch(`${d.name} ${d.plate}`)}` }));
}

export function queryWords(query: string): string[] {
  const q = normalizeForSearch(query);
  return q === '' ? [] : q.split(' ');
}

/** Whether every word occurs in the (normalised) text. */
export function matchesWords(text: string, words: readonly string[]): boolean {
  const key = normalizeForSearch(text);
  return words.every((w) => key.includes(w));
}

export function matchDrivers(index: readonly IndexedDriver[], query: string, max: number = MAX_SHOWN): DriverMatches {
  const words = queryWords(query);
  if (words.length === 0) return { shown: index.slice(0, max), total: index.length };
  const atWordStart: IndexedDriver[] = [];
  const inside: IndexedDriver[] = [];
  let total = 0;
  for (const d of index) {
    if (!words.every((w) => d.key.includes(w))) continue;
    total += 1;
    if (words.every((w) => d.key.includes(` ${w}`))) {
      if (atWordStart.length < max) atWordStart.push(d);
    } else if (inside.length < max) inside.push(d);
  }
  return { shown: [...atWordStart, ...inside].slice(0, max), total };
}
