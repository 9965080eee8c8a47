// Wires the stores to two canvas layers (orders below, drivers above). It subscribes to the
// stores outside React rendering: a second's 2,000 position fixes become one canvas redraw,
// not 2,000 component updates.
import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type Supercluster from 'supercluster';
import type { DriverListRow } from '../../../../shared/api/drivers-api';
import { useClockStore } from '../clock/store';
import { useDriversStore } from '../drivers/store';
import { openOrder, useOrderCardStore } from '../order-card/store';
import { CanvasLayer } from './canvas-layer';
import { buildDriverIndex, buildOrderIndex, expansionZoom, type DriverPointProps, type OrderPointProps } from './clustering';
import { drawDrivers, drawOrders, hitTest, type HitTarget } from './draw-map';
import { useMapStore } from './store';

/** Rebuilding the driver index costs a few ms; once a second is as often as fixes arrive. */
const DRIVER_INDEX_MIN_INTERVAL_MS = 900;

export function MarkersLayer({ onDriverClick }: { onDriverClick: (d: DriverListRow, at: L.LatLng) => void }) {
  const map = useMap();

  useEffect(() => {
    let orderIndex: Supercluster<OrderPointProps> | null = null;
    let pickups = new Map<string, [number, number]>();
    let driverIndex: Supercluster<DriverPointProps> | null = null;
    let driverIndexAt = 0;
    let driversById = new Map<string, DriverListRow>();
    let orderHits: HitTarget[] = [];
    let driverHits: HitTarget[] = [];

    const ordersLayer = new CanvasLayer((dc) => {
      orderHits = [];
      if (orderIndex && useMapStore.getState().showOrders) drawOrders(dc, orderIndex, pickups, useClockStore.getState().now, orderHits);
    });
    const driversLayer = new CanvasLayer((dc) => {
      driverHits = [];
      if (!driverIndex || !useMapStore.getState().showDrivers) return;
      const selected = useOrderCardStore.getState().detail?.order.driverId ?? null;
      drawDrivers(dc, driverIndex, driversById, useClockStore.getState().now, selected, driverHits);
    });
    ordersLayer.addTo(map);
    driversLayer.addTo(map);

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
      ordersLayer.redraw();
    };
    const indexDrivers = (force: boolean): void => {
      const { drivers } = useDriversStore.getState();
      driversById = new Map(drivers.map((d) => [d.id, d]));
      const now = performance.now();
      if (force || !driverIndex || now - driverIndexAt > DRIVER_INDEX_MIN_INTERVAL_MS) {
        driverIndex = buildDriverIndex(drivers);
        driverIndexAt = now;
      }
      driversLayer.redraw();
    };
    indexOrders();
    indexDrivers(true);

    const unsubs = [
      useMapStore.subscribe((s, prev) => {
        if (s.points !== prev.points) indexOrders();
        if (s.showOrders !== prev.showOrders) ordersLayer.redraw();
        if (s.showDrivers !== prev.showDrivers) driversLayer.redraw();
      }),
      useDriversStore.subscribe((s, prev) => {
        if (s.drivers !== prev.drivers) indexDrivers(s.index !== prev.index);
      }),
      // No-signal greys out with time alone, and breaches turn points red: redraw on the tick.
      useClockStore.subscribe(() => {
        driversLayer.redraw();
      }),
      useOrderCardStore.subscribe((s, prev) => {
        if (s.detail?.order.driverId !== prev.detail?.order.driverId) driversLayer.redraw();
      }),
    ];
    const orderTimer = setInterval(() => ordersLayer.redraw(), 30_000);

    const onClick = (e: L.LeafletMouseEvent): void => {
      const pt = map.latLngToContainerPoint(e.latlng);
      // Both layers share the padded origin, so one conversion serves both hit lists.
      const origin = ordersLayer.canvasToContainer(0, 0);
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
        const d = driversById.get(hit.id);
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
