import { beforeEach, describe, expect, it } from 'vitest';
import { landForUser, landingScreen, showScreen, useLayoutStore } from './layout-store';

beforeEach(() => {
  useLayoutStore.setState({ screen: 'console', landedUserId: null });
});

describe('landing screen', () => {
  it('starts a warehouse user on the Warehouse screen, others on the console', () => {
    expect(landingScreen('warehouse')).toBe('warehouse');
    expect(landingScreen('dispatcher')).toBe('console');
    expect(landingScreen('logistician')).toBe('carriers');
    expect(landingScreen('supervisor')).toBe('console');
    landForUser({ id: 'u-warehouse', role: 'warehouse' });
    expect(useLayoutStore.getState().screen).toBe('warehouse');
  });

  it('lands once per user: later session reloads do not pull them back', () => {
    landForUser({ id: 'u-warehouse', role: 'warehouse' });
    showScreen('console');
    landForUser({ id: 'u-warehouse', role: 'warehouse' });
    expect(useLayoutStore.getState().screen).toBe('console');
  });

  it('does not move someone who already left the console (e.g. to Settings)', () => {
    showScreen('settings');
    landForUser({ id: 'u-warehouse', role: 'warehouse' });
    expect(useLayoutStore.getState().screen).toBe('settings');
    landForUser(null);
    expect(useLayoutStore.getState().screen).toBe('settings');
  });
});
