// Drawing the map's markers on the canvas layer: order points and driver arrows, or clusters
// with counts when zoomed out (drivers as sprites). Every draw also returns hit targets so a click can find what
// was under the pointer without a DOM node per marker.
import type Supercluster from 'supercluster';
import { driverMapState, type DriverMapState } from '../../../../shared/api/driver-map-state';
import { NO_SIGNAL_AFTER_MS } from '../../../../shared/domain/driver-signal';
import type { DriverListRow } from '../../../../shared/api/drivers-api';
import type { DrawContext } from './canvas-layer';
import { clustersIn, type OrderPointProps } from './clustering';
import { gridClusters } from './grid-clusters';

export type HitTarget =
  | { kind: 'order'; id: string; x: number; y: number; r: number }
  | { kind: 'driver'; id: string; x: number; y: number; r: number }
  | { kind: 'cluster'; layer: 'orders'; clusterId: number; lat: number; lon: number; x: number; y: number; r: number }
  /** A cell of drivers: a click zooms in on it (canvas pixel x, y). */
  | { kind: 'cluster'; layer: 'drivers'; clusterId: null; x: number; y: number; r: number };

export const DRIVER_COLOURS: Readonly<Record<DriverMapState, string>> = {
  free: '#1f9d55',
  busy: '#2f6fde',
  on_break: '#8a63d2',
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
function arrowPath(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, x: number, y: number, headingDeg: number): void {
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

function dotPath(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.moveTo(x + r, y);
  ctx.arc(x, y, r, 0, Math.PI * 2);
}

/** Arrow headings are drawn from sprites turned in steps of this many degrees. */
const HEADING_STEP_DEG = 10;
const HEADINGS = 360 / HEADING_STEP_DEG;
const SPRITE_CSS_PX = 24;

/** One set of sprites per state and pixel ratio: a dot, then an arrow per heading step. */
type SpriteSet = CanvasImageSource[];
/** The sprites drawn so far, by `${state}:${dpr}`: one cache per map layer, made by its owner. */
export type DriverSprites = Map<string, SpriteSet>;

export function createDriverSprites(): DriverSprites {
  return new Map();
}

/**
 * Markers pre-rendered once per state, each its own small ImageBitmap: drawing a cell out of a
 * <canvas> strip made Chromium copy the strip on every drawImage (10,000 drivers: 300+ ms a
 * paint); a whole small bitmap is the cheapest drawImage there is.
 */
function driverSprites(spriteSets: DriverSprites, state: DriverMapState, dpr: number): SpriteSet {
  const key = `${state}:${dpr}`;
  const cached = spriteSets.get(key);
  if (cached) return cached;
  const side = Math.ceil(SPRITE_CSS_PX * dpr);
  const c = SPRITE_CSS_PX / 2;
  const colour = DRIVER_COLOURS[state];
  const hollow = state === 'no_signal';
  const set: SpriteSet = [];
  for (let i = 0; i <= HEADINGS; i++) {
    const offscreen = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(side, side);
    const canvas = offscreen ?? document.createElement('canvas');
    canvas.width = side;
    canvas.height = side;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    if (ctx) {
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.lineJoin = 'round';
      ctx.beginPath();
      // Cell 0 is the dot; cell 1 + k the arrow turned k steps.
      if (i === 0) dotPath(ctx, c, c, 6);
      else arrowPath(ctx, c, c, (i - 1) * HEADING_STEP_DEG);
      ctx.fillStyle = hollow ? '#fff' : colour;
      ctx.fill();
      ctx.lineWidth = hollow ? 2.5 : 1.5;
      ctx.strokeStyle = hollow ? colour : '#fff';
      ctx.stroke();
    }
    set.push(offscreen ? offscreen.transferToImageBitmap() : (canvas as HTMLCanvasElement));
  }
  spriteSets.set(key, set);
  return set;
}

/** A drawable driver: where, and the row it came from. */
export interface DriverMark {
  lat: number;
  lon: number;
  d: DriverListRow;
}

/** Zoomed in past this, every driver is drawn on its own (a yard at 17 shows each van). */
export const DRIVER_CLUSTER_MAX_ZOOM = 16;
/** Clustering cell (screen px) and how many drivers in one make a bubble. */
export const DRIVER_CELL_PX = 40;
export const DRIVER_CLUSTER_MIN = 3;

interface PlacedDriver {
  x: number;
  y: number;
  id: string;
  sprite: CanvasImageSource;
}

/**
 * Drivers as sprites, or (at zoom 16 and below) a count bubble for every screen cell where
 * three or more would pile up: 10,000 drivers in one view are a few hundred bubbles and the
 * drivers standing apart, not 10,000 overlapping arrows (each drawImage is ~15-30 us in a
 * software canvas, so 10,000 were a 150-350 ms paint). Positions are always the live ones.
 * The selected driver is drawn on its own, on top. Returns the earliest time a drawn driver's
 * state changes by the clock alone (falls silent), so the caller redraws only then.
 */
export function drawDrivers(dc: DrawContext, sprites: DriverSprites, items: Iterable<DriverMark>, now: number, selectedDriverId: string | null, hits: HitTarget[]): number {
  const { ctx, project } = dc;
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const half = SPRITE_CSS_PX / 2;
  let nextChange = Infinity;
  let selected: PlacedDriver | null = null;
  const placed: PlacedDriver[] = [];
  for (const { d, lat, lon } of items) {
    const p = project(lat, lon);
    const state = driverMapState(d, now);
    if (state !== 'off_shift' && d.fixAt !== null && d.fixAt + NO_SIGNAL_AFTER_MS >= now) {
      nextChange = Math.min(nextChange, d.fixAt + NO_SIGNAL_AFTER_MS + 1);
    }
    const moving = d.headingDeg !== null && state !== 'off_shift' && state !== 'no_signal';
    const step = Math.round((d.headingDeg ?? 0) / HEADING_STEP_DEG) % HEADINGS;
    const cellIndex = moving ? 1 + ((step + HEADINGS) % HEADINGS) : 0;
    const sprite = driverSprites(sprites, state, dpr)[cellIndex];
    if (!sprite) continue;
    const mark = { x: Math.round(p.x), y: Math.round(p.y), id: d.id, sprite };
    if (d.id === selectedDriverId) selected = mark;
    else placed.push(mark);
  }
  const drawOne = (m: PlacedDriver): void => {
    ctx.drawImage(m.sprite, m.x - half, m.y - half, SPRITE_CSS_PX, SPRITE_CSS_PX);
    hits.push({ kind: 'driver', id: m.id, x: m.x, y: m.y, r: 9 });
  };
  if (Math.round(dc.zoom) > DRIVER_CLUSTER_MAX_ZOOM) {
    for (const m of placed) drawOne(m);
  } else {
    const cells = gridClusters(placed, DRIVER_CELL_PX, DRIVER_CLUSTER_MIN, dc.worldOffset.x, dc.worldOffset.y);
    for (const c of cells) for (const m of c.singles) drawOne(m);
    for (const c of cells) {
      if (c.singles.length > 0) continue;
      const x = Math.round(c.x);
      const y = Math.round(c.y);
      const r = drawCluster(ctx, x, y, c.count, 'drivers');
      hits.push({ kind: 'cluster', layer: 'drivers', clusterId: null, x, y, r });
    }
  }
  if (selected) {
    ctx.beginPath();
    ctx.arc(selected.x, selected.y, 13, 0, Math.PI * 2);
    ctx.fillStyle = 'rgba(47,111,222,0.18)';
    ctx.fill();
    drawOne(selected);
  }
  return nextChange;
}

/** The topmost target under a canvas point (drivers are drawn last, so they win). */
export function hitTest(hits: readonly HitTarget[], x: number, y: number): HitTarget | null {
  for (let i = hits.length - 1; i >= 0; i--) {
    const h = hits[i];
    if (h && (h.x - x) ** 2 + (h.y - y) ** 2 <= (h.r + 2) ** 2) return h;
  }
  return null;
}
