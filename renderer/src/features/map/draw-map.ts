// Drawing the map's markers on the canvas layer: order points and driver arrows, or clusters
// with counts when zoomed out. Every draw also returns hit targets so a click can find what
// was under the pointer without a DOM node per marker.
import type Supercluster from 'supercluster';
import { driverMapState, type DriverMapState } from '../../../../shared/api/driver-map-state';
import type { DriverListRow } from '../../../../shared/api/drivers-api';
import type { DrawContext } from './canvas-layer';
import { clustersIn, type DriverPointProps, type OrderPointProps } from './clustering';

export type HitTarget =
  | { kind: 'order'; id: string; x: number; y: number; r: number }
  | { kind: 'driver'; id: string; x: number; y: number; r: number }
  | { kind: 'cluster'; layer: 'orders' | 'drivers'; clusterId: number; lat: number; lon: number; x: number; y: number; r: number };

export const DRIVER_COLOURS: Readonly<Record<DriverMapState, string>> = {
  free: '#1f9d55',
  busy: '#2f6fde',
  off_shift: '#a0a7b2',
  no_signal: '#e0a100',
};

const ORDER_COLOURS = { normal: '#5b6b80', breached: '#d0342c', problem: '#d0342c', new: '#2456b3' };

/** Pickup squares only when zoomed in: at city scale they pile up on the three warehouses. */
export const PICKUP_MIN_ZOOM = 14;

/** A count bubble. Orders: quiet white with a slate ring; drivers: solid blue, drawn on top. */
function drawCluster(ctx: CanvasRenderingContext2D, x: number, y: number, count: number, style: 'orders' | 'drivers'): number {
  const r = Math.min(22, 10 + Math.log10(count) * 5);
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fillStyle = style === 'drivers' ? 'rgba(47,111,222,0.92)' : 'rgba(255,255,255,0.92)';
  ctx.fill();
  ctx.lineWidth = style === 'drivers' ? 2 : 1.5;
  ctx.strokeStyle = style === 'drivers' ? '#fff' : '#7d8a9c';
  ctx.stroke();
  ctx.fillStyle = style === 'drivers' ? '#fff' : '#37414f';
  ctx.font = '600 11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(count >= 1000 ? `${(count / 1000).toFixed(count >= 10_000 ? 0 : 1)}k` : String(count), x, y + 0.5);
  return r;
}

export function orderColour(p: OrderPointProps, now: number): string {
  if (p.status === 'problem') return ORDER_COLOURS.problem;
  if (p.slaDeadline !== null && p.slaDeadline < now) return ORDER_COLOURS.breached;
  if (p.status === 'new') return ORDER_COLOURS.new;
  return ORDER_COLOURS.normal;
}

export function drawOrders(
  dc: DrawContext,
  index: Supercluster<OrderPointProps>,
  pickups: ReadonlyMap<string, [number, number]>,
  now: number,
  hits: HitTarget[],
): void {
  const { ctx, project, zoom } = dc;
  // Batched by colour like the drivers: one path per colour for points, one for pickups.
  const points = new Map<string, { x: number; y: number }[]>();
  const picks = new Map<string, { x: number; y: number }[]>();
  const push = (m: Map<string, { x: number; y: number }[]>, k: string, v: { x: number; y: number }) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const item of clustersIn(index, dc.bounds, zoom)) {
    const { x, y } = project(item.lat, item.lon);
    if (item.cluster) {
      const r = drawCluster(ctx, x, y, item.count, 'orders');
      hits.push({ kind: 'cluster', layer: 'orders', clusterId: item.clusterId, lat: item.lat, lon: item.lon, x, y, r });
      continue;
    }
    const colour = orderColour(item.props, now);
    if (zoom >= PICKUP_MIN_ZOOM) {
      const pick = pickups.get(item.props.id);
      if (pick) push(picks, colour, project(pick[0], pick[1]));
    }
    push(points, colour, { x, y });
    hits.push({ kind: 'order', id: item.props.id, x, y, r: 6 });
  }
  ctx.lineWidth = 1.5;
  for (const [colour, list] of picks) {
    ctx.beginPath();
    for (const p of list) ctx.rect(p.x - 3.5, p.y - 3.5, 7, 7);
    ctx.strokeStyle = colour;
    ctx.stroke();
  }
  ctx.lineWidth = 2;
  for (const [colour, list] of points) {
    ctx.beginPath();
    for (const p of list) dotPath(ctx, p.x, p.y, 4.5);
    ctx.fillStyle = '#fff';
    ctx.fill();
    ctx.strokeStyle = colour;
    ctx.stroke();
  }
}

/** Adds a navigation arrow (heading in degrees clockwise from north) to the current path. */
function arrowPath(ctx: CanvasRenderingContext2D, x: number, y: number, headingDeg: number): void {
  const a = (headingDeg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  // Rotating the four corners by hand: save/rotate/restore per marker is what made 2,000 slow.
  const pt = (px: number, py: number): [number, number] => [x + px * cos - py * sin, y + px * sin + py * cos];
  const [x0, y0] = pt(0, -9);
  const [x1, y1] = pt(6.5, 7);
  const [x2, y2] = pt(0, 3.5);
  const [x3, y3] = pt(-6.5, 7);
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.lineTo(x3, y3);
  ctx.closePath();
}

function dotPath(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.moveTo(x + r, y);
  ctx.arc(x, y, r, 0, Math.PI * 2);
}

/**
 * Drivers are batched into one path per state: four fills and four strokes a frame instead of
 * two per driver, which is what keeps 2,000 moving markers inside a frame's budget.
 */
export function drawDrivers(
  dc: DrawContext,
  index: Supercluster<DriverPointProps>,
  byId: ReadonlyMap<string, DriverListRow>,
  now: number,
  selectedDriverId: string | null,
  hits: HitTarget[],
): void {
  const { ctx, project, zoom } = dc;
  const groups = new Map<DriverMapState, { x: number; y: number; heading: number | null }[]>();
  for (const item of clustersIn(index, dc.bounds, zoom)) {
    const { x, y } = project(item.lat, item.lon);
    if (item.cluster) {
      const r = drawCluster(ctx, x, y, item.count, 'drivers');
      hits.push({ kind: 'cluster', layer: 'drivers', clusterId: item.clusterId, lat: item.lat, lon: item.lon, x, y, r });
      continue;
    }
    const d = byId.get(item.props.id);
    if (!d || d.lat === null || d.lon === null) continue;
    // Draw at the live position, not the index's (the index is rebuilt at most once a second).
    const p = project(d.lat, d.lon);
    const state = driverMapState(d, now);
    if (d.id === selectedDriverId) {
      ctx.beginPath();
      ctx.arc(p.x, p.y, 13, 0, Math.PI * 2);
      ctx.fillStyle = 'rgba(47,111,222,0.18)';
      ctx.fill();
    }
    const moving = d.headingDeg !== null && state !== 'off_shift' && state !== 'no_signal';
    let group = groups.get(state);
    if (!group) groups.set(state, (group = []));
    group.push({ x: p.x, y: p.y, heading: moving ? d.headingDeg : null });
    hits.push({ kind: 'driver', id: d.id, x: p.x, y: p.y, r: 9 });
  }
  ctx.lineJoin = 'round';
  for (const [state, items] of groups) {
    const colour = DRIVER_COLOURS[state];
    const hollow = state === 'no_signal';
    ctx.beginPath();
    for (const it of items) {
      if (it.heading !== null) arrowPath(ctx, it.x, it.y, it.heading);
      else dotPath(ctx, it.x, it.y, 6);
    }
    ctx.fillStyle = hollow ? '#fff' : colour;
    ctx.fill();
    ctx.lineWidth = hollow ? 2.5 : 1.5;
    ctx.strokeStyle = hollow ? colour : '#fff';
    ctx.stroke();
  }
}

/** The topmost target under a canvas point (drivers are drawn last, so they win). */
export function hitTest(hits: readonly HitTarget[], x: number, y: number): HitTarget | null {
  for (let i = hits.length - 1; i >= 0; i--) {
    const h = hits[i];
    if (h && (h.x - x) ** 2 + (h.y - y) ** 2 <= (h.r + 2) ** 2) return h;
  }
  return null;
}
