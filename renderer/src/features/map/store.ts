// What the map shows besides drivers: open orders' points (columnar, from main), where to look,
// and which layers are on. Drivers come from the drivers store.
import { create } from 'zustand';
import type { OrderPoints } from '../../../../shared/api/orders-api';
import { api, errorMessage } from '../../api/client';

export interface MapState {
  points: OrderPoints | null;
  /** A request to pan there; `seq` makes a repeat request to the same place count. */
  focus: { lat: number; lon: number; seq: number } | null;
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
  useMapStore.setState((s) => ({ focus: { lat, lon, seq: (s.focus?.seq ?? 0) + 1 } }));
}

export function toggleLayer(layer: 'orders' | 'drivers'): void {
  useMapStore.setState((s) => (layer === 'orders' ? { showOrders: !s.showOrders } : { showDrivers: !s.showDrivers }));
}

export function setTilesFailing(tilesFailing: boolean): void {
  if (useMapStore.getState().tilesFailing !== tilesFailing) useMapStore.setState({ tilesFailing });
}
