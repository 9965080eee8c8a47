// The open order card: its detail, the dialog on top of it, driver suggestions, and the
// dispatcher's commands. A command answers at once (main applied it to the replica and queued
// it); the server's verdict comes later as a change (pending mark gone) or a conflict.
import { create } from 'zustand';
import type { CommandResult } from '../../../../shared/api/define';
import type { ApiRequest } from '../../../../shared/api/contract';
import type { CarrierFilters, CarrierSearchResult } from '../../../../shared/api/carriers-api';
import type { CourierProviderView } from '../../../../shared/api/handover-api';
import type { DriverSuggestions } from '../../../../shared/api/drivers-api';
import type { OrderDetail } from '../../../../shared/api/orders-api';
import type { OrderStatus, ProblemReason } from '../../../../shared/domain/vocabulary';
import type { ChecklistItem, PaymentMethod } from '../../../../shared/domain/order-intake';
import type { OrderEdit } from '../../../../shared/mutators/order-intake-mutators';
import type { CustomerMessagePrefsView } from '../../../../shared/api/messages-api';
import { ApiError } from '../../../../shared/api/client';
import { refusalFrom, type Refusal } from '../../i18n/refusal-words';
import { api, errorMessage } from '../../api/client';
import { showRightPanel, useLayoutStore } from '../../app/layout-store';
import { fitMap, focusMap } from '../map/store';

export type CardDialog = 'assign' | 'problem' | 'resolve' | 'comment' | 'cancel' | 'edit' | 'correct' | 'undo' | 'payment' | 'checklist' | 'carrier' | 'courier' | 'takeBack';

export interface OrderCardState {
  orderId: string | null;
  detail: OrderDetail | null;
  loading: boolean;
  error: string | null;
  dialog: CardDialog | null;
  suggestions: DriverSuggestions | null;
  suggestionsLoading: boolean;
  /** A command in flight (buttons disable). */
  busy: boolean;
  /** Why main refused the last command right away (forbidden, invalid transition...). */
  commandError: string | null;
}

const initial = (): OrderCardState => ({
  orderId: null,
  detail: null,
  loading: false,
  error: null,
  dialog: null,
  suggestions: null,
  suggestionsLoading: false,
  busy: false,
  commandError: null,
});

export const useOrderCardStore = create<OrderCardState>(initial);

export function resetOrderCardStore(): void {
  useOrderCardStore.setState(initial(), true);
}

async function loadDetail(orderId: string): Promise<OrderDetail | null> {
  useOrderCardStore.setState({ loading: true });
  try {
    const detail = await api().getOrder({ orderId });
    if (useOrderCardStore.getState().orderId !== orderId) return null;
    useOrderCardStore.setState({ detail, loading: false, error: detail ? null : 'not_found' });
    await loadCustomerPrefs(detail?.order.customerId ?? null);
    return detail;
  } catch (err) {
    if (useOrderCardStore.getState().orderId === orderId) {
      useOrderCardStore.setState({ loading: false, error: errorMessage(err) });
    }
    return null;
  }
}

/** Opens the card (queue Enter, map click, problem queue, notification click). */
export async function openOrder(orderId: string, options: { focusOnMap?: boolean } = {}): Promise<void> {
  const same = useOrderCardStore.getState().orderId === orderId;
  useOrderCardStore.setState({
    orderId,
    detail: same ? useOrderCardStore.getState().detail : null,
    dialog: same ? useOrderCardStore.getState().dialog : null,
    suggestions: same ? useOrderCardStore.getState().suggestions : null,
    commandError: null,
    error: null,
  });
  showRightPanel('card');
  if (useLayoutStore.getState().screen !== 'console') useLayoutStore.setState({ screen: 'console' });
  const detail = await loadDetail(orderId);
  if (detail && options.focusOnMap !== false) showOnMap(detail);
}

/**
 * An order with a located driver: the driver, the pickup and the delivery all in view (the
 * route and its ETA label between them); otherwise the delivery point.
 */
function showOnMap(detail: OrderDetail): void {
  const o = detail.order;
  const driver = detail.driver;
  if (driver && driver.lat !== null && driver.lon !== null) {
    fitMap([{ lat: driver.lat, lon: driver.lon }, { lat: o.deliveryLat, lon: o.deliveryLon }, { lat: o.pickupLat, lon: o.pickupLon }]);
  } else {
    focusMap(o.deliveryLat, o.deliveryLon);
  }
}

export function closeOrder(): void {
  useOrderCardStore.setState(initial());
}

/** A change event touched the open order (or its timeline): refetch it. */
export async function refreshOpenOrder(): Promise<void> {
  const { orderId } = useOrderCardStore.getState();
  if (orderId) await loadDetail(orderId);
}

export async function openDialog(dialog: CardDialog): Promise<void> {
  useOrderCardStore.setState({ dialog, commandError: null });
  if (dialog === 'assign') await loadSuggestions();
}

export function closeDialog(): void {
  useOrderCardStore.setState({ dialog: null, commandError: null });
}

export async function loadSuggestions(): Promise<void> {
  const { orderId } = useOrderCardStore.getState();
  if (!orderId) return;
  useOrderCardStore.setState({ suggestionsLoading: true });
  try {
    const suggestions = await api().suggestDrivers({ orderId, limit: 10 });
    if (useOrderCardStore.getState().orderId === orderId) {
      useOrderCardStore.setState({ suggestions, suggestionsLoading: false });
    }
  } catch (err) {
    useOrderCardStore.setState({ suggestionsLoading: false, commandError: errorMessage(err) });
  }
}

/** Runs a command on the open order; on success closes the dialog and refetches the card. */
async function run(call: (orderId: string, detail: OrderDetail) => Promise<CommandResult>): Promise<boolean> {
  const { orderId, detail } = useOrderCardStore.getState();
  if (!orderId || !detail) return false;
  useOrderCardStore.setState({ busy: true, commandError: null });
  try {
    const result = await call(orderId, detail);
    if (!result.ok) {
      useOrderCardStore.setState({ busy: false, commandError: result.message });
      return false;
    }
    useOrderCardStore.setState({ busy: false, dialog: null });
    await refreshOpenOrder();
    return true;
  } catch (err) {
    useOrderCardStore.setState({ busy: false, commandError: errorMessage(err) });
    return false;
  }
}

/** `checklist`: the items the dispatcher ticked (the confirmation dialog asks when the service requires some). */
export function confirmOrder(checklist?: ChecklistItem[]): Promise<boolean> {
  return run((orderId) => api().confirmOrder({ orderId, ...(checklist ? { checklist } : {}) }));
}

export function editOrder(changes: OrderEdit): Promise<boolean> {
  return run((orderId) => api().editOrder({ orderId, changes }));
}

export function correctStatus(to: OrderStatus, reason: string): Promise<boolean> {
  return run((orderId) => api().correctStatus({ orderId, to, reason }));
}

export function undoCorrection(reason: string): Promise<boolean> {
  return run((orderId) => api().undoCorrection({ orderId, reason }));
}

export function recordPayment(p: { amount: number; method: PaymentMethod; reference?: string }): Promise<boolean> {
  return run((orderId) => api().recordPayment({ orderId, ...p }));
}

export async function assignDriver(driverId: string): Promise<boolean> {
  // seenVersion: if someone else changed the order since this card loaded, the server says so.
  const ok = await run((orderId, d) => api().assignDriver({ orderId, driverId, seenVersion: d.order.version }));
  // The dispatcher's next look is "how far is the driver": both ends of the route in view.
  const detail = useOrderCardStore.getState().detail;
  if (ok && detail) showOnMap(detail);
  return ok;
}

export function unassignDriver(): Promise<boolean> {
  return run((orderId) => api().unassignDriver({ orderId }));
}

export function reportProblem(reason: ProblemReason, comment: string): Promise<boolean> {
  return run((orderId) => api().reportProblem({ orderId, reason, comment }));
}

export function resolveProblem(comment: string, toStatus?: OrderStatus): Promise<boolean> {
  return run((orderId) => api().resolveProblem({ orderId, comment, ...(toStatus ? { to: toStatus } : {}) }));
}

export function addComment(text: string): Promise<boolean> {
  return run((orderId) => api().addComment({ orderId, text }));
}

export function cancelOrder(reason: string): Promise<boolean> {
  return run((orderId) => api().cancelOrder({ orderId, comment: reason }));
}

/** The customer gets the tracking link again (the server queues it on the "confirmed" rule's channels). */
export function sendTrackingLink(): Promise<boolean> {
  return run((orderId) => api().sendTrackingLink({ orderId }));
}

/** Issue 16: the deal with a carrier chosen in the card's carrier search. */
export function handToCarrier(deal: Omit<ApiRequest<'handToCarrier'>, 'orderId'>): Promise<boolean> {
  return run((orderId) => api().handToCarrier({ orderId, ...deal }));
}

/** `trackingNumber` null: the server creates the shipment through the provider's API. */
export function handToCourier(provider: string, trackingNumber: string | null, reason?: string): Promise<boolean> {
  return run((orderId) => api().handToCourier({ orderId, provider, trackingNumber, ...(reason ? { reason } : {}) }));
}

export function takeBackToOwnFleet(reason: string): Promise<boolean> {
  return run((orderId) => api().handToOwnFleet({ orderId, reason }));
}

/** The carrier search filled from the order (the card's "Find a carrier"): the best ten. */
export async function searchCarriersFor(filters: CarrierFilters): Promise<CarrierSearchResult[]> {
  return (await api().searchCarriers({ ...filters, limit: 10 })).results;
}

/** The courier services the server is configured for. */
export function loadCourierProviders(): Promise<CourierProviderView[]> {
  return api().courierProviders();
}

// The customer's message choices (the card's "Customer messages"): language, opt-out, and the
// others a VIP contract tells. Kept beside the card: they belong to the customer, not the order.
export type PrefsAnswer = { ok: true } | ({ ok: false } & Refusal);

export interface CustomerPrefsState {
  prefs: CustomerMessagePrefsView | null;
  /** The last save's outcome for this customer; words come from the dictionary. */
  answer: PrefsAnswer | null;
  saving: boolean;
}

export const useCustomerPrefsStore = create<CustomerPrefsState>(() => ({ prefs: null, answer: null, saving: false }));

async function loadCustomerPrefs(customerId: string | null): Promise<void> {
  const before = useCustomerPrefsStore.getState().prefs?.customerId ?? null;
  if (customerId === null) {
    useCustomerPrefsStore.setState({ prefs: null, answer: null });
    return;
  }
  try {
    const prefs = await api().customerMessagePrefs({ customerId });
    if (useOrderCardStore.getState().detail?.order.customerId !== customerId) return;
    useCustomerPrefsStore.setState(before === customerId ? { prefs } : { prefs, answer: null });
  } catch {
    // The card itself loaded; without the prefs the section is simply not shown.
    useCustomerPrefsStore.setState({ prefs: null });
  }
}

export async function saveCustomerPrefs(args: ApiRequest<'setCustomerMessagePrefs'>): Promise<boolean> {
  useCustomerPrefsStore.setState({ saving: true, answer: null });
  let answer: PrefsAnswer;
  try {
    const r = await api().setCustomerMessagePrefs(args);
    answer = r.ok ? { ok: true } : { ok: false, ...refusalFrom(r.code, r.details) };
  } catch (err) {
    answer = { ok: false, ...(err instanceof ApiError ? refusalFrom(err.code, err.details) : { code: null, field: null }) };
  }
  useCustomerPrefsStore.setState({ saving: false, answer });
  if (answer.ok) await loadCustomerPrefs(args.customerId);
  return answer.ok;
}
