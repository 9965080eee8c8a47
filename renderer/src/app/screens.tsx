// The top-level tabs. Console and Settings are built in; other features plug in a screen by
// adding `renderer/src/features/<tab>/screen.tsx` with a default-exported component (Carriers:
// features/carriers/screen.tsx, Warehouse: features/warehouse/screen.tsx). Vite's glob finds
// them at build time, so adding a tab touches no file here.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { mayReceiveAlertKind } from '../../../shared/alerts/alert-recipient';
import { ALERT_KINDS } from '../../../shared/alerts/alert-vocabulary';
import { DESK_ROLES, USER_ROLES, type UserRole } from '../../../shared/domain/vocabulary';
import type { MessageKey } from '../i18n/translate';
import type { ScreenId } from './layout-store';

const plugged = import.meta.glob<{ default: ComponentType }>('../features/*/screen.tsx');

function pluggedScreen(feature: string): LazyExoticComponent<ComponentType> | null {
  const load = plugged[`../features/${feature}/screen.tsx`];
  return load ? lazy(load) : null;
}

export interface ScreenSpec {
  id: ScreenId;
  label: MessageKey;
  /** null = built in (console, settings) or not installed yet (shows a placeholder). */
  component: LazyExoticComponent<ComponentType> | null;
  /** Roles that see the tab; undefined = everyone. */
  roles?: readonly UserRole[];
  /** Show the tab (with a placeholder) even before its feature plugs a screen in. */
  always?: boolean;
}

export const SCREENS: readonly ScreenSpec[] = [
  { id: 'console', label: 'tabs.console', component: null, always: true },
  { id: 'carriers', label: 'tabs.carriers', component: pluggedScreen('carriers'), always: true },
  { id: 'warehouse', label: 'tabs.warehouse', component: pluggedScreen('warehouse'), roles: ['warehouse', ...DESK_ROLES] },
  // The desk, and whoever else may receive some alert (a logistician: their carriers' follow-ups).
  { id: 'alerts', label: 'tabs.alerts', component: pluggedScreen('alerts'), roles: USER_ROLES.filter((r) => ALERT_KINDS.some((k) => mayReceiveAlertKind(r, k))) },
  { id: 'reports', label: 'tabs.reports', component: pluggedScreen('reports'), roles: DESK_ROLES },
  { id: 'sla-settings', label: 'tabs.slaSettings', component: pluggedScreen('sla-settings'), roles: ['supervisor', 'admin'] },
  { id: 'customer-messages', label: 'tabs.customerMessages', component: pluggedScreen('customer-messages'), roles: ['admin'] },
  // Courier events for a person (desk roles); GPS devices and users inside it for admins (issue 16).
  { id: 'admin', label: 'tabs.admin', component: pluggedScreen('admin'), roles: DESK_ROLES },
  { id: 'settings', label: 'tabs.settings', component: null, always: true },
];

/** Tabs shown: built-ins always, plugged-in ones only once their screen exists. */
export function visibleScreens(role: UserRole | null, screens: readonly ScreenSpec[] = SCREENS): ScreenSpec[] {
  return screens.filter((s) => {
    if (!s.always && !s.component) return false;
    return !s.roles || (role !== null && s.roles.includes(role));
  });
}
