import { describe, expect, it } from 'vitest';
import { gridClusters } from './grid-clusters';

const pt = (x: number, y: number, id = `${x},${y}`) => ({ x, y, id });

describe('gridClusters', () => {
  it('makes one bubble of a cell with minPoints or more, at the members’ mean', () => {
    const cells = gridClusters([pt(1, 1), pt(3, 5), pt(8, 9)], 10, 3);
    expect(cells).toEqual([{ x: 4, y: 5, count: 3, singles: [] }]);
  });

  it('keeps thin cells as their members, drawn one by one', () => {
    const a = pt(1, 1);
    const b = pt(2, 2);
    const c = pt(15, 1);
    const cells = gridClusters([a, b, c], 10, 3);
    expect(cells).toHaveLength(2);
    expect(cells.find((k) => k.count === 2)?.singles).toEqual([a, b]);
    expect(cells.find((k) => k.count === 1)?.singles).toEqual([c]);
  });

  it('anchors cells to world pixels: the same drivers cluster alike whatever the canvas origin', () => {
    const world = [pt(95, 5), pt(99, 6), pt(101, 7), pt(104, 8)];
    // Canvas origin at world x 5: canvas x = world - 5.
    const shifted = world.map((p) => pt(p.x - 5, p.y, p.id));
    const counts = (cs: { count: number }[]) => cs.map((c) => c.count).sort();
    expect(counts(gridClusters(world, 10, 3))).toEqual([2, 2]);
    expect(counts(gridClusters(shifted, 10, 3, 5, 0))).toEqual([2, 2]);
    // Without the offset the cells would be cut elsewhere: the anchoring matters.
    expect(counts(gridClusters(shifted, 10, 3))).toEqual([4]);
  });

  it('handles negative canvas pixels (drivers just outside the padded edge)', () => {
    const cells = gridClusters([pt(-1, -1), pt(-2, -3), pt(-4, -5), pt(1, 1)], 10, 3);
    expect(cells.map((c) => c.count).sort()).toEqual([1, 3]);
  });

  it('10,000 drivers in a 400 x 360 px box become a few hundred cells', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => pt((i * 37) % 400, (i * 91) % 360, String(i)));
    const cells = gridClusters(many, 40, 3);
    expect(cells.length).toBeLessThanOrEqual(10 * 9);
    expect(cells.reduce((n, c) => n + c.count, 0)).toBe(10_000);
  });
});
