import { describe, expect, it } from 'vitest';
import { changedWithin } from './changed-drivers';

const BOUNDS: [number, number, number, number] = [76, 43, 77, 44];
const row = (id: string, lat: number | null, lon: number | null) => ({ id, lat, lon });

describe('changedWithin', () => {
  const inside = row('a', 43.5, 76.5);
  const outside = row('b', 50, 50);
  const list = [inside, outside];

  it('is false when only drivers outside the drawn area moved', () => {
    expect(changedWithin(list, [inside, row('b', 50.1, 50.1)], BOUNDS)).toBe(false);
  });

  it('is false when nothing changed (same rows)', () => {
    expect(changedWithin(list, list.slice(), BOUNDS)).toBe(false);
  });

  it('is true when a driver inside moved, or one moved in, or one moved out', () => {
    expect(changedWithin(list, [row('a', 43.6, 76.5), outside], BOUNDS)).toBe(true);
    expect(changedWithin(list, [inside, row('b', 43.2, 76.2)], BOUNDS)).toBe(true);
    expect(changedWithin(list, [row('a', 10, 10), outside], BOUNDS)).toBe(true);
  });

  it('is true for a new row object inside even at the same place (its state may have changed)', () => {
    expect(changedWithin(list, [{ ...inside }, outside], BOUNDS)).toBe(true);
  });

  it('is true for another roster, and before anything was drawn', () => {
    expect(changedWithin(list, [inside], BOUNDS)).toBe(true);
    expect(changedWithin(list, list.slice(), null)).toBe(true);
  });

  it('treats an unlocated driver as outside', () => {
    expect(changedWithin([row('c', null, null)], [row('c', null, null)], BOUNDS)).toBe(false);
  });
});
