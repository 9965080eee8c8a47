// Wires the stores to two canvas layers (orders below, drivers above). It subscribes to the
// stores outside React rendering: a second's 10,000 position fixes become at most one canvas
// redraw on the next frame (none when no moved driver is in the drawn area), not 10,000
// component updates; a pan redraws nothing until the view leaves the drawn margin. Drivers are
// drawn straight from the store at their live positions (clustered per screen cell at draw
// time, no index to rebuild); order points keep a cluster index rebuilt when they change.
import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type Supercluster from 'supercluster';
import type { DriverListRow } from '../../../../shared/api/drivers-api';
import { useClockStore } from '../clock/store';
import { driverById, useDriversStore } from '../drivers/store';
import { openOrder, useOrderCardStore } from '../order-card/store';
import { CanvasLayer } from './canvas-layer';
import { changedWithin } from './changed-drivers';
import { buildOrderIndex, expansionZoom, type OrderPointProps } from './clustering';
import type { DrawContext } from './canvas-layer';
import { DRIVER_CLUSTER_MAX_ZOOM, createDriverSprites, drawDrivers, drawOrders, hitTest, type DriverMark, type HitTarget } from './draw-map';
import { useMapStore } from './store';

/** Every located driver inside the padded view, at its live position. */
function* driversIn(drivers: readonly DriverListRow[], [west, south, east, north]: DrawContext['bounds']): Generator<DriverMark> {
  for (const d of drivers) {
    const { lat, lon } = d;
    if (lat === null || lon === null || lat < south || lat > north || lon < west || lon > east) continue;
    yield { lat, lon, d };
  }
}

export function MarkersLayer({ onDriverClick }: { onDriverClick: (d: DriverListRow, at: L.LatLng) => void }) {
  const map = useMap();

  useEffect(() => {
    let orderIndex: Supercluster<OrderPointProps> | null = null;
    let pickups = new Map<string, [number, number]>();
    /** When a drawn driver next falls silent by the clock alone (then the tick redraws). */
    let driversChangeAt = Infinity;
    let orderHits: HitTarget[] = [];
    let driverHits: HitTarget[] = [];
    const sprites = createDriverSprites();

    const ordersLayer = new CanvasLayer((dc) => {
      orderHits = [];
      if (orderIndex && useMapStore.getState().showOrders) drawOrders(dc, orderIndex, pickups, useClockStore.getState().now, orderHits);
    });
    const driversLayer = new CanvasLayer((dc) => {
      driverHits = [];
      driversChangeAt = Infinity;
      if (!useMapStore.getState().showDrivers) return;
      const store = useDriversStore.getState();
      const selected = useOrderCardStore.getState().detail?.order.driverId ?? null;
      const now = useClockStore.getState().now;
      driversChangeAt = drawDrivers(dc, sprites, driversIn(store.drivers, dc.bounds), now, selected, driverHits);
    });
    // Each layer joins the map with its first data: a padded full-view canvas costs a long
    // task to create, which should not hold back the console's first paint.
    const ensureOn = (layer: CanvasLayer, has: boolean): void => {
      if (has && !map.hasLayer(layer)) layer.addTo(map);
    };
    // Drivers stay above orders whichever arrives first.
    const ensureOrdersUnder = (): void => {
      if (map.hasLayer(ordersLayer) || !useMapStore.getState().points) return;
      const driversOn = map.hasLayer(driversLayer);
      if (driversOn) driversLayer.remove();
      ordersLayer.addTo(map);
      if (driversOn) driversLayer.addTo(map);
    };

    const indexOrders = (): void => {
      const points = useMapStore.getState().points;
      orderIndex = points ? buildOrderIndex(points) : null;
      pickups = new Map();
      if (points) {
        for (let i = 0; i < points.ids.length; i++) {
          const lat = points.pickup[2 * i];
          const lon = points.pickup[2 * i + 1];
          const id = points.ids[i];
          if (id !== undefined && lat !== undefined && lon !== undefined) pickups.set(id, [lat, lon]);
        }
      }
      ensureOrdersUnder();
      ordersLayer.redraw();
    };
    /** Drivers are drawn when one that moved is (or was) inside the drawn area. */
    const driversChanged = (moved: boolean): void => {
      ensureOn(driversLayer, useDriversStore.getState().drivers.length > 0);
      if (moved) driversLayer.redraw();
    };
    indexOrders();
    driversChanged(true);

    const unsubs = [
      useMapStore.subscribe((s, prev) => {
        if (s.points !== prev.points) indexOrders();
        if (s.showOrders !== prev.showOrders) ordersLayer.redraw();
        if (s.showDrivers !== prev.showDrivers) driversLayer.redraw();
      }),
      useDriversStore.subscribe((s, prev) => {
        if (s.drivers === prev.drivers) return;
        driversChanged(s.index !== prev.index || changedWithin(prev.drivers, s.drivers, driversLayer.paintedBounds()));
      }),
      // No-signal greys out with time alone: redraw on the tick when a drawn driver crosses it.
      useClockStore.subscribe((s) => {
        if (s.now >= driversChangeAt) driversLayer.redraw();
      }),
      useOrderCardStore.subscribe((s, prev) => {
        if (s.detail?.order.driverId !== prev.detail?.order.driverId) driversLayer.redraw();
      }),
    ];
    const orderTimer = setInterval(() => ordersLayer.redraw(), 30_000);

    const onClick = (e: L.LeafletMouseEvent): void => {
      const pt = map.latLngToContainerPoint(e.latlng);
      // Both layers share the padded origin, so one conversion (of whichever is on) serves both.
      const origin = (map.hasLayer(ordersLayer) ? ordersLayer : driversLayer).canvasToContainer(0, 0);
      if (!origin) return;
      const x = pt.x - origin.x;
      const y = pt.y - origin.y;
      const hit = hitTest(driverHits, x, y) ?? hitTest(orderHits, x, y);
      if (!hit) return;
      if (hit.kind === 'cluster' && hit.layer === 'orders') {
        const zoom = orderIndex ? expansionZoom(orderIndex, hit.clusterId) : map.getZoom() + 2;
        map.flyTo([hit.lat, hit.lon], Math.max(zoom, map.getZoom() + 1), { duration: 0.4 });
      } else if (hit.kind === 'cluster') {
        // A cell of drivers: two zooms in on it, at most to where every driver stands alone.
        const at = map.containerPointToLatLng(L.point(hit.x + origin.x, hit.y + origin.y));
        map.flyTo(at, Math.min(Math.max(map.getZoom() + 2, 0), DRIVER_CLUSTER_MAX_ZOOM + 1), { duration: 0.4 });
      } else if (hit.kind === 'order') {
        void openOrder(hit.id, { focusOnMap: false });
      } else {
        const d = driverById(useDriversStore.getState(), hit.id);
        if (d && d.lat !== null && d.lon !== null) onDriverClick(d, L.latLng(d.lat, d.lon));
      }
    };
    map.on('click', onClick);

    return () => {
      map.off('click', onClick);
      clearInterval(orderTimer);
      for (const u of unsubs) u();
      ordersLayer.remove();
      driversLayer.remove();
    };
  }, [map, onDriverClick]);

  return null;
}
