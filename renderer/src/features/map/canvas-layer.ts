// A Leaflet layer that is one <canvas> redrawn by a callback: thousands of markers cost one
// draw call per frame instead of thousands of DOM nodes or Leaflet layers. The canvas covers
// the view plus a margin and travels with the map pane, so a pan needs no drawing at all until
// the view leaves the drawn area. Map events only note what happened; the work (resizing,
// re-centring, painting) runs once on the next animation frame, never inside `move`/`moveend`:
// at 10,000 drivers a synchronous repaint per pan was 60-80 ms of script on every drag.
import L from 'leaflet';

export interface Projector {
  /** Canvas pixel of a lat/lon. */
  (lat: number, lon: number): { x: number; y: number };
}

export interface DrawContext {
  ctx: CanvasRenderingContext2D;
  project: Projector;
  zoom: number;
  /** Padded view bounds [west, south, east, north]. */
  bounds: [number, number, number, number];
  width: number;
  height: number;
  /** Canvas pixel + this = world pixel at `zoom`: anchors anything that must not shift with pans. */
  worldOffset: { x: number; y: number };
}

export type DrawFn = (dc: DrawContext) => void;

const PADDING = 0.25;

/** A private Leaflet method its own renderers use for zoom animation (not in @types/leaflet). */
interface PixelOriginMap {
  _getNewPixelOrigin(center: L.LatLng, zoom: number): L.Point;
  _animatingZoom?: boolean;
}

/** Web Mercator pixel (Leaflet's EPSG:3857 at `zoom`) without allocating LatLng/Point objects. */
export function mercatorPixel(lat: number, lon: number, zoom: number): { x: number; y: number } {
  const scale = 256 * 2 ** zoom;
  const max = 85.0511287798;
  const phi = ((lat > max ? max : lat < -max ? -max : lat) * Math.PI) / 180;
  return { x: scale * (lon / 360 + 0.5), y: scale * (0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)) };
}

/** What the next frame must do: nothing, repaint (data changed), or re-fit the canvas first. */
export type FrameWork = 'none' | 'paint' | 'refit';

/** The drawn rectangle, in layer pixels at the zoom it was drawn for. */
export interface DrawnArea {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  zoom: number;
}

/**
 * Pure decision for a frame: a view that moved but is still inside the drawn area needs no
 * work (the canvas moved with the pane); a new zoom or a view outside it needs a refit.
 */
export function frameWork(drawn: DrawnArea | null, view: DrawnArea, dataChanged: boolean, resized: boolean): FrameWork {
  if (!drawn || resized || drawn.zoom !== view.zoom) return 'refit';
  if (view.minX < drawn.minX || view.minY < drawn.minY || view.maxX > drawn.maxX || view.maxY > drawn.maxY) return 'refit';
  return dataChanged ? 'paint' : 'none';
}

export class CanvasLayer extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  private frame: number | null = null;
  private origin = L.point(0, 0);
  private center = L.latLng(0, 0);
  private drawn: DrawnArea | null = null;
  private lastBounds: DrawContext['bounds'] | null = null;
  private dataChanged = false;
  private resized = false;
  private settled = true;
  private readonly draw: DrawFn;
  /** Frames that painted, and frames that refitted first: for tests and benchmarks. */
  readonly stats = { paints: 0, refits: 0 };

  constructor(draw: DrawFn, options?: L.LayerOptions) {
    super(options);
    this.draw = draw;
  }

  override onAdd(map: L.Map): this {
    const canvas = L.DomUtil.create('canvas', 'leaflet-zoom-animated');
    canvas.style.pointerEvents = 'none';
    this.canvas = canvas;
    this.getPane()?.appendChild(canvas);
    map.on('move', this.schedule, this);
    map.on('moveend zoomend viewreset', this.onSettled, this);
    map.on('resize', this.onResize, this);
    map.on('zoomanim', this.animateZoom, this);
    this.drawn = null;
    this.schedule();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('move', this.schedule, this);
    map.off('moveend zoomend viewreset', this.onSettled, this);
    map.off('resize', this.onResize, this);
    map.off('zoomanim', this.animateZoom, this);
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.canvas?.remove();
    this.canvas = null;
    this.drawn = null;
    return this;
  }

  /** Ask for a repaint on the next frame (data changed). */
  redraw(): void {
    this.dataChanged = true;
    this.schedule();
  }

  /** The padded bounds [west, south, east, north] of the last paint (null before the first). */
  paintedBounds(): DrawContext['bounds'] | null {
    return this.lastBounds;
  }

  /** A move or zoom has ended: a new zoom may be drawn now (not mid-flight, frame after frame). */
  private onSettled(): void {
    this.settled = true;
    this.schedule();
  }

  private onResize(): void {
    this.resized = true;
    this.schedule();
  }

  /** Map events land here: they only ask for a frame; the frame decides what, if anything, to do. */
  private schedule(): void {
    if (this.frame !== null || !this.canvas) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.onFrame();
    });
  }

  private onFrame(): void {
    const map = this._map as (L.Map & PixelOriginMap) | undefined;
    if (!map || !this.canvas) return;
    // Mid zoom animation the canvas is CSS-scaled; zoomend asks again when it is over.
    if (map._animatingZoom) return;
    const size = map.getSize();
    const topLeft = map.containerPointToLayerPoint([0, 0]);
    const view = { minX: topLeft.x, minY: topLeft.y, maxX: topLeft.x + size.x, maxY: topLeft.y + size.y, zoom: map.getZoom() };
    // A flyTo moves and zooms every frame: keep the old drawing until it lands.
    if (this.drawn && view.zoom !== this.drawn.zoom && !this.settled) return;
    const work = frameWork(this.drawn, view, this.dataChanged, this.resized);
    this.settled = false;
    if (work === 'none') return;
    if (work === 'refit') this.refit();
    this.dataChanged = false;
    this.resized = false;
    this.paint();
  }

  /** Centre the padded canvas on the view again; the bitmap is reallocated only for a new size. */
  private refit(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    this.stats.refits += 1;
    const size = map.getSize();
    const pad = size.multiplyBy(PADDING);
    this.origin = map.containerPointToLayerPoint(pad.multiplyBy(-1)).round();
    const full = size.add(pad.multiplyBy(2)).round();
    const dpr = window.devicePixelRatio || 1;
    this.center = map.getCenter();
    L.DomUtil.setPosition(canvas, this.origin);
    const w = Math.round(full.x * dpr);
    const h = Math.round(full.y * dpr);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
      canvas.style.width = `${full.x}px`;
      canvas.style.height = `${full.y}px`;
    }
    this.drawn = { minX: this.origin.x, minY: this.origin.y, maxX: this.origin.x + full.x, maxY: this.origin.y + full.y, zoom: map.getZoom() };
  }

  /** Leaflet Renderer's _updateTransform: scale the last drawing while the zoom animates. */
  private animateZoom(e: L.ZoomAnimEvent): void {
    const map = this._map as (L.Map & PixelOriginMap) | undefined;
    if (!map || !this.canvas || !this.drawn) return;
    const scale = map.getZoomScale(e.zoom, this.drawn.zoom);
    const viewHalf = map.getSize().multiplyBy(0.5 + PADDING);
    const centerPoint = map.project(this.center, e.zoom);
    const topLeft = viewHalf.multiplyBy(-scale).add(centerPoint).subtract(map._getNewPixelOrigin(e.center, e.zoom));
    L.DomUtil.setTransform(this.canvas, topLeft, scale);
  }

  private paint(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas || !this.drawn) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    this.stats.paints += 1;
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.width / dpr;
    const h = canvas.height / dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const nw = map.layerPointToLatLng(this.origin);
    const se = map.layerPointToLatLng(this.origin.add(L.point(w, h)));
    const zoom = map.getZoom();
    const pixelOrigin = map.getPixelOrigin();
    // Canvas pixel = world pixel - the map's pixel origin - the canvas's layer origin. The
    // Mercator formula stands in for latLngToLayerPoint (two objects per call, 10,000 calls).
    const ox = pixelOrigin.x + this.origin.x;
    const oy = pixelOrigin.y + this.origin.y;
    const project: Projector =
      map.options.crs === L.CRS.EPSG3857 || map.options.crs === undefined
        ? (lat, lon) => {
            const p = mercatorPixel(lat, lon, zoom);
            return { x: p.x - ox, y: p.y - oy };
          }
        : (lat, lon) => {
            const p = map.latLngToLayerPoint([lat, lon]);
            return { x: p.x - this.origin.x, y: p.y - this.origin.y };
          };
    this.lastBounds = [nw.lng, se.lat, se.lng, nw.lat];
    this.draw({ ctx, project, zoom, bounds: this.lastBounds, width: w, height: h, worldOffset: { x: ox, y: oy } });
  }

  /** Canvas pixel -> container pixel offset, for hit-testing clicks against drawn positions. */
  canvasToContainer(x: number, y: number): L.Point | null {
    const map = this._map;
    if (!map) return null;
    return map.layerPointToContainerPoint(L.point(x + this.origin.x, y + this.origin.y));
  }
}
