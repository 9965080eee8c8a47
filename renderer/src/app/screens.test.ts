import { describe, expect, it } from 'vitest';
import { SCREENS, visibleScreens, type ScreenSpec } from './screens';

describe('tab slots', () => {
  it('always shows Console, Carriers and Settings; Warehouse only once its feature plugs in', () => {
    const ids = visibleScreens('dispatcher').map((s) => s.id);
    expect(ids.slice(0, 2)).toEqual(['console', 'carriers']);
    expect(ids).toContain('settings');
    const warehouse = SCREENS.find((s) => s.id === 'warehouse');
    expect(ids.includes('warehouse')).toBe(Boolean(warehouse?.component));
  });

  it('shows Reports to the desk (dispatcher, supervisor, admin) and to no one else', () => {
    for (const role of ['dispatcher', 'supervisor', 'admin'] as const) expect(visibleScreens(role).map((s) => s.id)).toContain('reports');
    for (const role of ['warehouse', 'logistician', null] as const) expect(visibleScreens(role).map((s) => s.id)).not.toContain('reports');
    // The Review tab (issue 16): the desk roles; its admin-only parts are decided inside it and by the server.
    for (const role of ['dispatcher', 'supervisor', 'admin'] as const) expect(visibleScreens(role).map((s) => s.id)).toContain('admin');
    for (const role of ['warehouse', 'logistician', 'integration', null] as const) expect(visibleScreens(role).map((s) => s.id)).not.toContain('admin');
  });

  it('shows Alerts to the desk and to logisticians (their carriers’ follow-ups), not to storekeepers or shops', () => {
    for (const role of ['dispatcher', 'supervisor', 'admin', 'logistician'] as const) expect(visibleScreens(role).map((s) => s.id)).toContain('alerts');
    for (const role of ['warehouse', 'integration', null] as const) expect(visibleScreens(role).map((s) => s.id)).not.toContain('alerts');
  });

  it('hides a role-limited tab from other roles', () => {
    const screens: ScreenSpec[] = [{ id: 'warehouse', label: 'tabs.warehouse', component: null, always: true, roles: ['warehouse'] }];
    expect(visibleScreens('dispatcher', screens)).toEqual([]);
    expect(visibleScreens('warehouse', screens)).toHaveLength(1);
    expect(visibleScreens(null, screens)).toEqual([]);
  });
});
