// A Leaflet layer that is one <canvas> redrawn by a callback: thousands of markers cost one
// draw call per frame instead of thousands of DOM nodes or Leaflet layers. It follows the map
// like Leaflet's own Renderer: padded beyond the view, repositioned on moveend, CSS-scaled
// during zoom animations. Redraws are coalesced to one per animation frame.
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
}

export type DrawFn = (dc: DrawContext) => void;

const PADDING = 0.25;

/** A private Leaflet method its own renderers use for zoom animation (not in @types/leaflet). */
interface PixelOriginMap {
  _getNewPixelOrigin(center: L.LatLng, zoom: number): L.Point;
}

export class CanvasLayer extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  private frame: number | null = null;
  private origin = L.point(0, 0);
  private center = L.latLng(0, 0);
  private zoom = 0;
  private readonly draw: DrawFn;

  constructor(draw: DrawFn, options?: L.LayerOptions) {
    super(options);
    this.draw = draw;
  }

  override onAdd(map: L.Map): this {
    const canvas = L.DomUtil.create('canvas', 'leaflet-zoom-animated');
    canvas.style.pointerEvents = 'none';
    this.canvas = canvas;
    this.getPane()?.appendChild(canvas);
    map.on('moveend zoomend resize viewreset', this.reset, this);
    map.on('zoomanim', this.animateZoom, this);
    this.reset();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend zoomend resize viewreset', this.reset, this);
    map.off('zoomanim', this.animateZoom, this);
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.canvas?.remove();
    this.canvas = null;
    return this;
  }

  /** Ask for a redraw on the next frame (data changed). */
  redraw(): void {
    if (this.frame !== null || !this.canvas) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.paint();
    });
  }

  private reset(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    const pad = size.multiplyBy(PADDING);
    this.origin = map.containerPointToLayerPoint(pad.multiplyBy(-1)).round();
    const full = size.add(pad.multiplyBy(2)).round();
    const dpr = window.devicePixelRatio || 1;
    this.center = map.getCenter();
    this.zoom = map.getZoom();
    L.DomUtil.setPosition(canvas, this.origin);
    canvas.width = full.x * dpr;
    canvas.height = full.y * dpr;
    canvas.style.width = `${full.x}px`;
    canvas.style.height = `${full.y}px`;
    this.paint();
  }

  /** Leaflet Renderer's _updateTransform: scale the last drawing while the zoom animates. */
  private animateZoom(e: L.ZoomAnimEvent): void {
    const map = this._map as (L.Map & PixelOriginMap) | undefined;
    if (!map || !this.canvas) return;
    const scale = map.getZoomScale(e.zoom, this.zoom);
    const viewHalf = map.getSize().multiplyBy(0.5 + PADDING);
    const centerPoint = map.project(this.center, e.zoom);
    const topLeft = viewHalf.multiplyBy(-scale).add(centerPoint).subtract(map._getNewPixelOrigin(e.center, e.zoom));
    L.DomUtil.setTransform(this.canvas, topLeft, scale);
  }

  private paint(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.width / dpr;
    const h = canvas.height / dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const nw = map.layerPointToLatLng(this.origin);
    const se = map.layerPointToLatLng(this.origin.add(L.point(w, h)));
    const origin = this.origin;
    const project: Projector = (lat, lon) => {
      const p = map.latLngToLayerPoint([lat, lon]);
      return { x: p.x - origin.x, y: p.y - origin.y };
    };
    this.draw({ ctx, project, zoom: map.getZoom(), bounds: [nw.lng, se.lat, se.lng, nw.lat], width: w, height: h });
  }

  /** Canvas pixel -> container pixel offset, for hit-testing clicks against drawn positions. */
  canvasToContainer(x: number, y: number): L.Point | null {
    const map = this._map;
    if (!map) return null;
    return map.layerPointToContainerPoint(L.point(x + this.origin.x, y + this.origin.y));
  }
}
