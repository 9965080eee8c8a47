// Start-up and the event wiring: load every store once, then keep them fresh from main's
// subscriptions (changes, connection, positions, conflicts, notices). Returns the teardown.
import { api, isHostLinkUp, onHostLink } from '../api/client';
import { ALERTS_REFRESH_MS, loadAlertCounts, refreshAlerts } from '../features/alerts/store';
import { refreshCarriers } from '../features/carriers/store';
import { setClockSkew, startTicker } from '../features/clock/store';
import { applyConflicts, applyConnection, applyHostLink, loadConnection } from '../features/connection/store';
import { applyFixes, loadDrivers, openWarehouseDrivers } from '../features/drivers/store';
import { refreshMessageSettings } from '../features/customer-messages/store';
import { refreshDriverCard } from '../features/driver-card/store';
import { loadOrderPoints } from '../features/map/store';
import { showNotice } from '../features/notifications/store';
import { openOrder, refreshOpenOrder, useOrderCardStore } from '../features/order-card/store';
import { refreshProofs } from '../features/order-card/proof-store';
import { openNoticeTarget } from '../features/notifications/open-target';
import { refreshVisibleOrders, reloadOrders } from '../features/orders/store';
import { loadWarehouses } from '../features/orders/warehouses-store';
import { PICK_LIST_REFRESH_MS, refreshPickList } from '../features/warehouse/store';
import { loadProblems, PROBLEMS_REFRESH_MS } from '../features/problems/store';
import { loadSession } from '../features/session/store';
import { refreshDailySummary, refreshMyNotifyPrefs } from '../features/settings/notify-store';
import { loadSettings, useSettingsStore } from '../features/settings/store';
import { refreshSlaSettings } from '../features/sla-settings/store';
import { makeTranslator } from '../i18n/translate';
import { ALL_REFRESH_TARGETS, createRefreshScheduler, planRefresh, type RefreshTarget } from './refresh-plan';

const RUN: Readonly<Record<RefreshTarget, () => Promise<void>>> = {
  orders: refreshVisibleOrders,
  problems: loadProblems,
  points: loadOrderPoints,
  // The open driver card reads the same rows (the driver, their orders) as the panel.
  drivers: () => Promise.all([loadDrivers(), refreshDriverCard()]).then(() => undefined),
  card: refreshOpenOrder,
  proofs: refreshProofs,
  warehouses: loadWarehouses,
  session: loadSession,
  alerts: refreshAlerts,
  pickList: refreshPickList,
  carriers: refreshCarriers,
  slaSettings: refreshSlaSettings,
  myNotify: refreshMyNotifyPrefs,
  dailySummary: refreshDailySummary,
  customerMessages: refreshMessageSettings,
};

/** Resolves after the next frame is painted (at once where there are no frames, as in tests). */
function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * The queue and the problem queue are what a dispatcher acts on first, so they are asked for
 * and painted before the map's data: drivers and order points are ~700 KB each, and taking
 * them in (parse, clustering, canvas) is a long task that would hold the first rows back.
 */
async function loadEverything(): Promise<void> {
  await Promise.all([loadSettings(), loadSession(), loadConnection(), reloadOrders(), loadProblems(), loadWarehouses(), loadAlertCounts()]);
  await afterNextPaint();
  await loadDrivers();
  await afterNextPaint();
  await loadOrderPoints();
}

async function syncClock(): Promise<void> {
  try {
    const before = Date.now();
    const { now } = await api().now();
    setClockSkew(now + (Date.now() - before) / 2);
  } catch {
    // Keep the local clock: a countdown off by the skew beats no countdown.
  }
}

export function startConsole(): () => void {
  const a = api();
  const stopTicker = startTicker();
  const scheduler = createRefreshScheduler((target) => void RUN[target]());
  let lastStatus: string | null = null;

  const offs = [
    a.on('changes', (e) => scheduler.schedule(planRefresh(e, useOrderCardStore.getState().orderId))),
    a.on('connection', (view) => {
      applyConnection(view);
      // Who we are is known once the server welcomed us: re-ask when the link changes.
      if (view.status !== lastStatus) void loadSession();
      lastStatus = view.status;
    }),
    a.on('positions', ({ fixes }) => {
      applyFixes(fixes);
      // The open card's predicted arrival starts at its driver's fix: ask main again when that
      // driver moves (at most once per card refresh window), so the card and the map's label follow.
      const driverId = useOrderCardStore.getState().detail?.order.driverId;
      if (driverId && fixes.some((f) => f.driverId === driverId)) scheduler.schedule(['card']);
    }),
    a.on('conflicts', (list) => {
      applyConflicts(list);
      void refreshOpenOrder();
    }),
    a.on('notice', (n) => showNotice(n, makeTranslator(useSettingsStore.getState().language), openNoticeTarget)),
    a.on('openOrder', ({ orderId }) => void openOrder(orderId)),
    a.on('openWarehouseDrivers', ({ warehouseId, name }) => openWarehouseDrivers(warehouseId, name)),
    onHostLink((up) => {
      applyHostLink(up);
      // The host may have restarted: whatever any view holds may be stale, and a view whose
      // load failed while the link was down (Settings' own notifications) has nothing to show.
      if (up) {
        void Promise.all([loadSettings(), loadConnection()]);
        scheduler.schedule(ALL_REFRESH_TARGETS);
      }
    }),
  ];
  applyHostLink(isHostLinkUp());
  void syncClock();
  void loadEverything();
  const problemsTimer = setInterval(() => void loadProblems(), PROBLEMS_REFRESH_MS);
  const alertsTimer = setInterval(() => void refreshAlerts(), ALERTS_REFRESH_MS);
  const pickListTimer = setInterval(() => void refreshPickList(), PICK_LIST_REFRESH_MS);

  return () => {
    stopTicker();
    scheduler.cancel();
    clearInterval(problemsTimer);
    clearInterval(alertsTimer);
    clearInterval(pickListTimer);
    for (const off of offs) off();
  };
}
