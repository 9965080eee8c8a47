// A small map in the form with the delivery point on it: drag the point, or click the map, to
// put it on the house (a geocoder or the gazetteer may give only the street or the district).
// The latitude and longitude fields beside it do the same from the keyboard.
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { DEFAULT_TILE_ATTRIBUTION, DEFAULT_TILE_URL } from '../../../../shared/api/session-api';
import { attributionHtml } from '../../ui/attribution-html';
import { useSettingsStore } from '../settings/store';

const ALMATY: L.LatLngTuple = [43.238, 76.945];

export function PointMap({ lat, lon, onMove, label }: { lat: number | null; lon: number | null; onMove: (lat: number, lon: number) => void; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.Marker | null>(null);
  const move = useRef(onMove);
  move.current = onMove;
  const settings = useSettingsStore((s) => s.settings);
  const tileUrl = settings ? settings.tileUrl : DEFAULT_TILE_URL;

  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, { center: ALMATY, zoom: 11, keyboard: false, attributionControl: true });
    if (tileUrl) {
      // The attribution is a setting, i.e. text: escaped, since Leaflet inserts it as HTML.
      L.tileLayer(tileUrl, { attribution: attributionHtml(settings?.tileAttribution || DEFAULT_TILE_ATTRIBUTION) }).addTo(m);
    }
    const point = L.marker(ALMATY, {
      draggable: true,
      keyboard: false,
      icon: L.divIcon({ className: 'no-point', iconSize: [18, 18], iconAnchor: [9, 9] }),
    });
    point.on('dragend', () => {
      const p = point.getLatLng();
      move.current(p.lat, p.lng);
    });
    m.on('click', (e: L.LeafletMouseEvent) => move.current(e.latlng.lat, e.latlng.lng));
    map.current = m;
    marker.current = point;
    return () => {
      m.remove();
      map.current = null;
      marker.current = null;
    };
  }, [tileUrl, settings?.tileAttribution]);

  useEffect(() => {
    const m = map.current;
    const point = marker.current;
    if (!m || !point) return;
    if (lat === null || lon === null || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      point.remove();
      return;
    }
    point.setLatLng([lat, lon]);
    if (!m.hasLayer(point)) point.addTo(m);
    if (!m.getBounds().pad(-0.2).contains([lat, lon])) m.setView([lat, lon], Math.max(m.getZoom(), 14), { animate: false });
  }, [lat, lon]);

  return <div ref={box} className="no-map" role="img" aria-label={label} />;
}

