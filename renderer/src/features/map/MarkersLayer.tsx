// Wires the stores to two canvas layers (orders below, drivers above). It subscribes to the
// stores outside React rendering: a second's 2,000 position fixes become one canvas redraw,
// not 2,000 component updates. Zoomed in past clustering, drivers are drawn straight from the
// store (no index to rebuild); zoomed out, the cluster index is rebuilt at most every few
// seconds, when a draw needs it.
import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type Supercluster from 'supercluster';
import type { DriverListRow } from '../../../../shared/api/drivers-api';
import { useClockStore } from '../clock/store';
import { driverById, useDriversStore } from '../drivers/store';
import { openOrder, useOrderCardStore } from '../order-card/store';
import { CanvasLayer } from './canvas-layer';
import {
  buildDriverIndex,
  buildOrderIndex,
  clustersIn,
  DRIVER_CLUSTER_MAX_ZOOM,
  expansionZoom,
  type DriverPointProps,
  type OrderPointProps,
} from './clustering';
import type { DrawContext } from './canvas-layer';
import { drawDrivers, drawOrders, hitTest, type DriverMark, type HitTarget } from './draw-map';
import { useMapStore } from './store';

/** Clusters of drivers (zoomed out) may lag the fixes by this much: counts barely move. */
const DRIVER_INDEX_MIN_INTERVAL_MS = 3000;

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
    let driverIndex: Supercluster<DriverPointProps> | null = null;
    let driverIndexAt = -Infinity;
    let driverIndexStale = true;
    /** When a drawn driver next falls silent by the clock alone (then the tick redraws). */
    let driversChangeAt = Infinity;
    let rebuildTimer: ReturnType<typeof setTimeout> | undefined;
    let orderHits: HitTarget[] = [];
    let driverHits: HitTarget[] = [];

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
      const byId = (id: string): DriverListRow | undefined => driverById(store, id);
      if (Math.round(dc.zoom) > DRIVER_CLUSTER_MAX_ZOOM) {
        driversChangeAt = drawDrivers(dc, driversIn(store.drivers, dc.bounds), byId, now, selected, driverHits);
        return;
      }
      const at = performance.now();
      if (!driverIndex || (driverIndexStale && at - driverIndexAt > DRIVER_INDEX_MIN_INTERVAL_MS)) {
        driverIndex = buildDriverIndex(store.drivers);
        driverIndexAt = at;
        driverIndexStale = false;
      } else if (driverIndexStale && rebuildTimer === undefined) {
        // Fixes may stop coming: re-cluster once the interval is up even so.
        rebuildTimer = setTimeout(() => {
          rebuildTimer = undefined;
          driversLayer.redraw();
        }, DRIVER_INDEX_MIN_INTERVAL_MS - (at - driverIndexAt) + 10);
      }
      driversChangeAt = drawDrivers(dc, clustersIn(driverIndex, dc.bounds, dc.zoom), byId, now, selected, driverHits);
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
    /** A new roster (reload) re-clusters at once; moved drivers only mark the index stale. */
    const driversChanged = (roster: boolean): void => {
      driverIndexStale = true;
      if (roster) driverIndex = null;
      ensureOn(driversLayer, useDriversStore.getState().drivers.length > 0);
      driversLayer.redraw();
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
        if (s.drivers !== prev.drivers) driversChanged(s.index !== prev.index);
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
      if (hit.kind === 'cluster') {
        const index = hit.layer === 'orders' ? orderIndex : driverIndex;
        const zoom = index ? expansionZoom(index, hit.clusterId) : map.getZoom() + 2;
        map.flyTo([hit.lat, hit.lon], Math.max(zoom, map.getZoom() + 1), { duration: 0.4 });
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
      clearTimeout(rebuildTimer);
      for (const u of unsubs) u();
      ordersLayer.remove();
      driversLayer.remove();
    };
  }, [map, onDriverClick]);

  return null;
}
