// Clustering by zoom for the drivers, decided at draw time from their live positions: the view
// is cut into square cells of a fixed screen size, anchored to world pixels (so a pan does not
// move a driver into another cell), and a cell holding `minPoints` or more drivers is drawn as
// one bubble with the count. It costs one pass over the drivers in view (10,000 in ~1 ms),
// where rebuilding a supercluster index of 10,000 moving drivers took 100-400 ms.

export interface GridCluster<T> {
  /** Mean position of the members, in the caller's pixels. */
  x: number;
  y: number;
  count: number;
  /** Members of a cell too thin to cluster; empty for a cluster. */
  singles: T[];
}

interface Bucket<T> {
  sx: number;
  sy: number;
  count: number;
  members: T[];
}

/**
 * Groups `items` by cells of `cellPx` in world pixels (`x + offsetX`, `y + offsetY`); returns
 * one entry per non-empty cell: a cluster (`singles` empty) when it holds `minPoints` or more,
 * else its members to draw one by one.
 */
export function gridClusters<T extends { x: number; y: number }>(
  items: Iterable<T>,
  cellPx: number,
  minPoints: number,
  offsetX = 0,
  offsetY = 0,
): GridCluster<T>[] {
  const buckets = new Map<number, Bucket<T>>();
  for (const it of items) {
    const cx = Math.floor((it.x + offsetX) / cellPx);
    const cy = Math.floor((it.y + offsetY) / cellPx);
    // World pixels at zoom 18 are below 2^26: cells fit two 26-bit halves of one safe integer.
    const key = cx * 67_108_864 + cy;
    let b = buckets.get(key);
    if (!b) {
      b = { sx: 0, sy: 0, count: 0, members: [] };
      buckets.set(key, b);
    }
    b.sx += it.x;
    b.sy += it.y;
    b.count += 1;
    if (b.count < minPoints) b.members.push(it);
  }
  const out: GridCluster<T>[] = [];
  for (const b of buckets.values()) {
    out.push({ x: b.sx / b.count, y: b.sy / b.count, count: b.count, singles: b.count >= minPoints ? [] : b.members });
  }
  return out;
}
