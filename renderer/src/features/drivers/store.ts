// Drivers for the panel and the map. The list is loaded whole (2,000 rows fit one answer);
// position fixes arrive about once a second and are merged in place of a refetch.
import { create } from 'zustand';
import type { DriverListRow } from '../../../../shared/api/drivers-api';
import type { PositionFix } from '../../../../shared/api/events';
import { api, errorMessage } from '../../api/client';
import { showRightPanel, showScreen } from '../../app/layout-store';

export interface DriversState {
  drivers: DriverListRow[];
  /** id -> index into `drivers`. */
  index: ReadonlyMap<string, number>;
  loaded: boolean;
  error: string | null;
  /** Only this warehouse's drivers (home warehouse), after a warehouse alert was opened; null = all. */
  warehouseFilter: { id: string; name: string } | null;
  /** The drivers' ids, names and plates (selectDriverNames); a new list only when one of them changes. */
  names: readonly DriverName[];
}

function indexOf(drivers: DriverListRow[]): Map<string, number> {
  return new Map(drivers.map((d, i) => [d.id, i]));
}

const initial = (): DriversState => ({ drivers: [], index: new Map(), loaded: false, error: null, warehouseFilter: null, names: [] });

export const useDriversStore = create<DriversState>(initial);

export function resetDriversStore(): void {
  useDriversStore.setState(initial(), true);
}

/** A warehouse alert was opened: the console with the drivers panel, narrowed to that warehouse. */
export function openWarehouseDrivers(warehouseId: string, name: string): void {
  useDriversStore.setState({ warehouseFilter: { id: warehouseId, name } });
  showScreen('console');
  showRightPanel('drivers');
}

export function clearWarehouseFilter(): void {
  useDriversStore.setState({ warehouseFilter: null });
}

export async function loadDrivers(): Promise<void> {
  try {
    const drivers = await api().listDrivers();
    useDriversStore.setState({ drivers, index: indexOf(drivers), loaded: true, error: null, names: namesOf(drivers, useDriversStore.getState().names) });
  } catch (err) {
    useDriversStore.setState({ error: errorMessage(err), loaded: true });
  }
}

/**
 * Merges fixes into the list. Fixes for drivers we don't know yet (added since the last load)
 * can't be shown without their names, so they trigger a reload instead of being dropped.
 */
export function applyFixes(fixes: readonly PositionFix[]): void {
  if (fixes.length === 0) return;
  const { drivers, index } = useDriversStore.getState();
  const next = drivers.slice();
  let unknown = false;
  for (const f of fixes) {
    const i = index.get(f.driverId);
    if (i === undefined) {
      unknown = true;
      continue;
    }
    const d = next[i];
    if (!d || (d.fixAt !== null && f.fixAt < d.fixAt)) continue; // an older fix arriving late
    next[i] = { ...d, lat: f.lat, lon: f.lon, headingDeg: f.headingDeg, speedKmh: f.speedKmh, battery: f.battery, fixAt: f.fixAt, noSignal: f.noSignal };
  }
  useDriversStore.setState({ drivers: next });
  if (unknown) void loadDrivers();
}

/** What a picker needs of a driver; position updates never change it. */
export interface DriverName {
  id: string;
  name: string;
  /** Tells apart drivers of the same name (fleets have several Асхат Абдрахманов). */
  plate: string;
}

/** The names of `drivers`, or `before` itself when no id, name or plate changed. */
function namesOf(drivers: readonly DriverListRow[], before: readonly DriverName[]): readonly DriverName[] {
  const same = drivers.length === before.length && drivers.every((d, i) => d.id === before[i]?.id && d.name === before[i]?.name && d.vehiclePlate === before[i]?.plate);
  return same ? before : drivers.map((d) => ({ id: d.id, name: d.name, plate: d.vehiclePlate }));
}

/**
 * The drivers' ids, names and plates as one list that keeps its identity until one changes:
 * a position update makes a new `drivers` array every second (applyFixes never touches names),
 * but not a new list, so whatever selects this does not re-render for it.
 */
export function selectDriverNames(s: Pick<DriversState, 'names'>): readonly DriverName[] {
  return s.names;
}

export function driverById(s: Pick<DriversState, 'drivers' | 'index'>, id: string | null | undefined): DriverListRow | undefined {
  if (!id) return undefined;
  const i = s.index.get(id);
  return i === undefined ? undefined : s.drivers[i];
}
