// The live map: tiles (configurable, OpenStreetMap by default; without them a plain background),
// order points and driver arrows on canvas, and the selected order's route labelled with the
// order card's predicted arrival (shared/eta, computed once by main: one rule for both).
import L from 'leaflet';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { CircleMarker, MapContainer, Polyline, Popup, TileLayer, Tooltip, useMap } from 'react-leaflet';
import { driverMapState } from '../../../../shared/api/driver-map-state';
import type { DriverListRow } from '../../../../shared/api/drivers-api';
import { DEFAULT_TILE_ATTRIBUTION, DEFAULT_TILE_URL } from '../../../../shared/api/session-api';
import { formatDuration } from '../../i18n/format-time';
import { DRIVER_STATE_KEY } from '../../ui/driver-state-key';
import { attributionHtml } from '../../ui/attribution-html';
import { useT } from '../../i18n/use-t';
import { useClockStore } from '../clock/store';
import { driverById, useDriversStore } from '../drivers/store';
import { useOrderCardStore } from '../order-card/store';
import { openDriverCard, useDriverCardStore } from '../driver-card/store';
import { replayPosition } from '../../../../shared/domain/track-replay';
import { useSettingsStore } from '../settings/store';
import { DRIVER_COLOURS } from './draw-map';
import { MarkersLayer } from './MarkersLayer';
import { setTilesFailing, toggleLayer, useMapStore } from './store';

/** Pixels kept clear around fitted points: overlays sit top-left (layers) and along the bottom (legend). */
const FIT_PADDING = { topLeft: L.point(60, 70), bottomRight: L.point(60, 80) };

/** Almaty; the map recentres on the data once something is selected. */
const START: [number, number] = [43.2389, 76.8897];

function FocusFollower() {
  const map = useMap();
  const focus = useMapStore((s) => s.focus);
  useEffect(() => {
    if (!focus) return;
    // A map mounted in a hidden tab (a storekeeper lands on Warehouse) has no size yet, and
    // Leaflet's flyTo over a 0x0 map computes NaN and throws: measure first, then jump.
    map.invalidateSize({ animate: false });
    const size = map.getSize();
    const hidden = size.x === 0 || size.y === 0;
    if (focus.kind === 'bounds') {
      // Room for the ETA label at the route's middle and the layer buttons (top) and legend (bottom).
      const options = { paddingTopLeft: FIT_PADDING.topLeft, paddingBottomRight: FIT_PADDING.bottomRight, maxZoom: 15 };
      const bounds = L.latLngBounds(focus.points);
      if (hidden) map.fitBounds(bounds, { ...options, animate: false });
      else map.flyToBounds(bounds, { ...options, duration: 0.5 });
      return;
    }
    const zoom = Math.max(map.getZoom(), 14);
    if (hidden) map.setView([focus.lat, focus.lon], zoom, { animate: false });
    else map.flyTo([focus.lat, focus.lon], zoom, { duration: 0.5 });
  }, [focus, map]);
  return null;
}

/** Keeps Leaflet's idea of the map's size true when its tab is shown or the panes resize. */
function SizeKeeper() {
  const map = useMap();
  useEffect(() => {
    const observer = new ResizeObserver(() => map.invalidateSize({ animate: false }));
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map]);
  return null;
}

function SelectedRoute() {
  const t = useT();
  const detail = useOrderCardStore((s) => s.detail);
  const driver = useDriversStore((s) => driverById(s, detail?.order.driverId));
  // An arrival on another day says its date (a long haul), as the card does.
  const now = useClockStore((s) => s.now);
  if (!detail) return null;
  const o = detail.order;
  const to: [number, number] = [o.deliveryLat, o.deliveryLon];
  // The card's own prediction, never a second estimate: the label and the card cannot disagree.
  const p = detail.predicted;
  const from: [number, number] | null = driver && driver.lat !== null && driver.lon !== null ? [driver.lat, driver.lon] : null;
  return (
    <>
      <CircleMarker center={[o.pickupLat, o.pickupLon]} radius={7} pathOptions={{ color: '#2f6fde', weight: 2, fillColor: '#fff', fillOpacity: 1 }}>
        <Tooltip direction="top">{`${t('map.pickup')}: ${o.pickupAddress}`}</Tooltip>
      </CircleMarker>
      <CircleMarker center={to} radius={8} pathOptions={{ color: '#fff', weight: 2, fillColor: '#2f6fde', fillOpacity: 1 }}>
        <Tooltip direction="top">{`${t('map.deliveryPoint')}: ${o.deliveryAddress}`}</Tooltip>
      </CircleMarker>
      {from && (
        <Polyline positions={[from, to]} pathOptions={{ color: '#2f6fde', weight: 3, dashArray: '6 6', opacity: 0.9 }}>
          {p && (
            <Tooltip permanent direction="center" className="map-eta-tooltip">
              {`${t('map.eta', { time: t.fmt.shortDateTime(p.at, now) })} · ${t.fmt.km(p.basis.distanceKm)}`}
            </Tooltip>
          )}
        </Polyline>
      )}
    </>
  );
}

/** The open driver card's track: the whole period faint, the part replayed so far bold, the replay marker with its time. */
function DriverTrack() {
  const t = useT();
  const track = useDriverCardStore((s) => s.track);
  const at = useDriverCardStore((s) => s.replayAt);
  const line = useMemo(() => (track ? track.points.map((p): [number, number] => [p.lat, p.lon]) : []), [track]);
  if (!track || line.length === 0 || at === null) return null;
  const pos = replayPosition(track.points, at);
  if (pos === null) return null;
  const done: [number, number][] = [...line.slice(0, pos.index + 1), [pos.lat, pos.lon]];
  return (
    <>
      <Polyline positions={line} pathOptions={{ color: '#7a4fd6', weight: 3, opacity: 0.35 }} />
      <Polyline positions={done} pathOptions={{ color: '#7a4fd6', weight: 4, opacity: 0.95 }} />
      <CircleMarker center={[pos.lat, pos.lon]} radius={8} pathOptions={{ color: '#fff', weight: 2, fillColor: '#7a4fd6', fillOpacity: 1 }}>
        <Tooltip permanent direction="top" offset={[0, -8]} className="map-replay-tooltip">
          {t.fmt.timeSeconds(at)}
        </Tooltip>
      </CircleMarker>
    </>
  );
}

function DriverPopup({ driver, onClose }: { driver: DriverListRow; onClose: () => void }) {
  const t = useT();
  const live = useDriversStore((s) => driverById(s, driver.id)) ?? driver;
  const now = useClockStore((s) => s.now);
  const state = driverMapState(live, now);
  if (live.lat === null || live.lon === null) return null;
  return (
    <Popup position={[live.lat, live.lon]} eventHandlers={{ remove: onClose }}>
      <strong>{live.name}</strong>
      <br />
      {t(DRIVER_STATE_KEY[state])} · {t('assign.load', { n: live.load })}
      <br />
      {live.fixAt !== null && t('time.ago', { time: formatDuration(now - live.fixAt, t) })}
      {live.battery !== null && ` · ${Math.round(live.battery)}%`}
    </Popup>
  );
}

export function MapView() {
  const t = useT();
  const settings = useSettingsStore((s) => s.settings);
  const tilesFailing = useMapStore((s) => s.tilesFailing);
  const showOrders = useMapStore((s) => s.showOrders);
  const showDrivers = useMapStore((s) => s.showDrivers);
  const [popupDriver, setPopupDriver] = useState<DriverListRow | null>(null);
  // A click on a driver shows the popup and opens the driver's card beside the map.
  const onDriverClick = useCallback((d: DriverListRow) => {
    setPopupDriver(d);
    void openDriverCard(d.id);
  }, []);
  // Until settings load, use the default; an explicitly empty URL means "no tiles".
  const tileUrl = settings ? settings.tileUrl : DEFAULT_TILE_URL;
  // A setting is text: escaped here, since Leaflet inserts attributions as HTML.
  const attribution = attributionHtml(settings?.tileAttribution || DEFAULT_TILE_ATTRIBUTION);

  return (
    <div className="map" role="region" aria-label={t('map.label')}>
      <MapContainer center={START} zoom={12} preferCanvas style={{ height: '100%', width: '100%' }} renderer={L.canvas()}>
        {tileUrl && (
          <TileLayer
            key={tileUrl}
            url={tileUrl}
            attribution={attribution}
            eventHandlers={{ tileerror: () => setTilesFailing(true), tileload: () => setTilesFailing(false) }}
          />
        )}
        <MarkersLayer onDriverClick={onDriverClick} />
        <SelectedRoute />
        <DriverTrack />
        <FocusFollower />
        <SizeKeeper />
        {popupDriver && <DriverPopup driver={popupDriver} onClose={() => setPopupDriver(null)} />}
      </MapContainer>
      {(tilesFailing || !tileUrl) && (
        <div className="map-overlay map-notice" role="status">
          {t('map.noTiles')}
        </div>
      )}
      <div className="map-overlay map-layers" role="group" aria-label={t('map.legend')}>
        <button type="button" className="btn btn-small" aria-pressed={showDrivers} onClick={() => toggleLayer('drivers')}>
          {t('drivers.title')}
        </button>
        <button type="button" className="btn btn-small" aria-pressed={showOrders} onClick={() => toggleLayer('orders')}>
          {t('queue.title')}
        </button>
      </div>
      <div className="map-overlay map-legend" aria-label={t('map.legend')}>
        {(['free', 'busy', 'on_break', 'no_signal', 'off_shift'] as const).map((s) => (
          <span key={s}>
            <span className="dot" style={{ background: DRIVER_COLOURS[s] }} />
            {t(DRIVER_STATE_KEY[s])}
          </span>
        ))}
        <span>
          <span className="pin-sq" style={{ borderColor: '#5b6b80' }} />
          {t('map.pickup')}
        </span>
        <span>
          <span className="dot" style={{ border: '2px solid #5b6b80', background: '#fff' }} />
          {t('map.deliveryPoint')}
        </span>
      </div>
    </div>
  );
}
