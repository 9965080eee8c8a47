// What the map shows besides drivers: open orders' points (columnar, from main), where to look,
// and which layers are on. Drivers come from the drivers store.
import { create } from 'zustand';
import type { OrderPoints } from '../../../../shared/api/orders-api';
import { api, errorMessage } from '../../api/client';

/** A point to centre on (at street zoom), or points that must all be in view. */
export type MapFocus =
  | { kind: 'point'; lat: number; lon: number; seq: number }
  | { kind: 'bounds'; points: [number, number][]; seq: number };

export interface MapState {
  points: OrderPoints | null;
  /** A request to look there; `seq` makes a repeat request to the same place count. */
  focus: MapFocus | null;
  showOrders: boolean;
  showDrivers: boolean;
  /** Tiles failed to load (no internet): the map says so and draws on a plain background. */
  tilesFailing: boolean;
  error: string | null;
}

export const useMapStore = create<MapState>(() => ({
  points: null,
  focus: null,
  showOrders: true,
  showDrivers: true,
  tilesFailing: false,
  error: null,
}));

export async function loadOrderPoints(): Promise<void> {
  try {
    const points = await api().orderPoints();
    useMapStore.setState({ points, error: null });
  } catch (err) {
    useMapStore.setState({ error: errorMessage(err) });
  }
}

export function focusMap(lat: number, lon: number): void {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return;
  useMapStore.setState((s) => ({ focus: { kind: 'point', lat, lon, seq: (s.focus?.seq ?? 0) + 1 } }));
}

/**
 * Brings every point into view, with room around them for labels (the route's ETA sits at its
 * middle) and the map's own overlays. Points without a position are left out; one point is a focus.
 */
export function fitMap(points: ReadonlyArray<{ lat: number | null; lon: number | null }>): void {
  const known = points.filter((p): p is { lat: number; lon: number } => p.lat !== null && p.lon !== null && Number.isFinite(p.lat) && Number.isFinite(p.lon));
  const first = known[0];
  if (first === undefined) return;
  if (known.length === 1) return focusMap(first.lat, first.lon);
  useMapStore.setState((s) => ({ focus: { kind: 'bounds', points: known.map((p) => [p.lat, p.lon]), seq: (s.focus?.seq ?? 0) + 1 } }));
}

export function toggleLayer(layer: 'orders' | 'drivers'): void {
  useMapStore.setState((s) => (layer === 'orders' ? { showOrders: !s.showOrders } : { showDrivers: !s.showDrivers }));
}

export function setTilesFailing(tilesFailing: boolean): void {
  if (useMapStore.getState().tilesFailing !== tilesFailing) useMapStore.setState({ tilesFailing });
}
