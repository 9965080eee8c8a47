// @vitest-environment happy-dom
import L from 'leaflet';
import { describe, expect, it } from 'vitest';
import { frameWork, mercatorPixel, type DrawnArea } from './canvas-layer';

const drawn: DrawnArea = { minX: -160, minY: -200, maxX: 800, maxY: 1000, zoom: 12 };
const view = (dx: number, dy: number, zoom = 12): DrawnArea => ({ minX: dx, minY: dy, maxX: 640 + dx, maxY: 800 + dy, zoom });

describe('frameWork: what a frame after map events must do', () => {
  it('does nothing for a pan that stays inside the drawn margin (the canvas moved with the pane)', () => {
    expect(frameWork(drawn, view(4, 0), false, false)).toBe('none');
    expect(frameWork(drawn, view(-160, -200), false, false)).toBe('none');
    expect(frameWork(drawn, view(160, 200), false, false)).toBe('none');
  });

  it('only repaints when data changed and the view is still covered', () => {
    expect(frameWork(drawn, view(4, 4), true, false)).toBe('paint');
  });

  it('refits when the view leaves the drawn area, the zoom changed, the map resized, or nothing was drawn', () => {
    expect(frameWork(drawn, view(161, 0), false, false)).toBe('refit');
    expect(frameWork(drawn, view(0, -201), false, false)).toBe('refit');
    expect(frameWork(drawn, view(0, 0, 13), false, false)).toBe('refit');
    expect(frameWork(drawn, view(0, 0), false, true)).toBe('refit');
    expect(frameWork(null, view(0, 0), false, false)).toBe('refit');
  });
});

describe('mercatorPixel', () => {
  it('is Leaflet’s EPSG:3857 projection at whole and fractional zooms', () => {
    for (const [lat, lon] of [
      [43.2389, 76.8897],
      [51.1694, 71.4491],
      [-33.86, 151.2],
      [89, -179],
    ] as const) {
      for (const zoom of [3, 12, 12.5, 18]) {
        const ours = mercatorPixel(lat, lon, zoom);
        const theirs = L.CRS.EPSG3857.latLngToPoint(L.latLng(lat, lon), zoom);
        expect(ours.x).toBeCloseTo(theirs.x, 3);
        expect(ours.y).toBeCloseTo(theirs.y, 3);
      }
    }
  });
});
