// The dictionary key of each driver state, for the panel, the map legend and the popup alike.
import type { DriverMapState } from '../../../shared/api/driver-map-state';

export const DRIVER_STATE_KEY = {
  free: 'driverState.free',
  busy: 'driverState.busy',
  on_break: 'driverState.onBreak',
  off_shift: 'driverState.off',
  no_signal: 'driverState.noSignal',
} as const satisfies Record<DriverMapState, string>;
