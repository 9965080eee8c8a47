// The map, mounted once the queue's first page is on screen. Leaflet, its canvas layers and
// the map's chunk cost the renderer a few hundred ms of main thread at start-up; the queue is
// what a dispatcher reads and acts on first, so it is painted first and the map follows a
// frame later (or after MAP_AT_LATEST_MS, should the queue's answer be slow).
import { lazy, Suspense, useEffect, useState } from 'react';
import { useOrdersStore } from '../features/orders/store';

const MapView = lazy(() => import('../features/map/MapView').then((m) => ({ default: m.MapView })));

export const MAP_AT_LATEST_MS = 1500;

function MapPlaceholder() {
  return <div className="map" aria-hidden="true" />;
}

export function DeferredMap() {
  const queueLoaded = useOrdersStore((s) => s.loaded);
  const [show, setShow] = useState(false);
  useEffect(() => {
    if (show) return;
    const latest = setTimeout(() => setShow(true), MAP_AT_LATEST_MS);
    if (!queueLoaded) return () => clearTimeout(latest);
    // After the frame that paints the first rows, not in it.
    let next: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      next = setTimeout(() => setShow(true), 0);
    });
    return () => {
      clearTimeout(latest);
      cancelAnimationFrame(frame);
      if (next !== undefined) clearTimeout(next);
    };
  }, [queueLoaded, show]);
  if (!show) return <MapPlaceholder />;
  return (
    <Suspense fallback={<MapPlaceholder />}>
      <MapView />
    </Suspense>
  );
}
