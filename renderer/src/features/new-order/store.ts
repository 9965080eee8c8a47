// The new-order form: open or closed, the draft, customer and address suggestions, and the
// problems of the last attempt to save. Saving calls main's createOrder (the createOrder
// mutator runs there) and opens the new order's card.
import { create } from 'zustand';
import type { CustomerMatch, GeocodeResult } from '../../../../shared/api/order-intake-api';
import type { WarehouseListRow } from '../../../../shared/api/warehouse-api';
import type { FieldProblem } from '../../../../shared/domain/new-order-check';
import type { Place } from '../../../../shared/geo/gazetteer';
import { api, errorMessage } from '../../api/client';
import { startLatestRequest, type RequestTicket } from '../../ui/latest-request';
import { openOrder } from '../order-card/store';
import { buildRequest, emptyDraft, withCustomer, withDeliveryPoint, withWarehouse, type Draft } from './form-model';

export interface NewOrderState {
  open: boolean;
  draft: Draft;
  warehouses: WarehouseListRow[];
  customerQuery: string;
  customers: CustomerMatch[] | null;
  customersLoading: boolean;
  addressQuery: string;
  suggestions: GeocodeResult | null;
  /** Shown once the dispatcher tried to save; cleared field by field as they are fixed. */
  problems: FieldProblem[];
  busy: boolean;
  /** main refused the whole order (offline without a server, a rule): its sentence. */
  error: string | null;
  /** The customer and address lookups asked last (latest-request.ts). */
  customerRequest: RequestTicket;
  geocodeRequest: RequestTicket;
}

const initial = (): NewOrderState => ({
  open: false,
  draft: emptyDraft(),
  warehouses: [],
  customerQuery: '',
  customers: null,
  customersLoading: false,
  addressQuery: '',
  suggestions: null,
  problems: [],
  busy: false,
  error: null,
  customerRequest: null,
  geocodeRequest: null,
});

export const useNewOrderStore = create<NewOrderState>(initial);

export function resetNewOrderStore(): void {
  useNewOrderStore.setState(initial(), true);
}

export async function openNewOrder(): Promise<void> {
  useNewOrderStore.setState({ ...initial(), open: true });
  try {
    const warehouses = await api().listWarehouses();
    useNewOrderStore.setState({ warehouses });
  } catch (err) {
    useNewOrderStore.setState({ error: errorMessage(err) });
  }
}

export function closeNewOrder(): void {
  useNewOrderStore.setState({ open: false });
}

export function isNewOrderOpen(): boolean {
  return useNewOrderStore.getState().open;
}

/** A field typed into: the draft changes and that field's problem goes away until the next save. */
export function setDraft(patch: Partial<Draft>): void {
  const s = useNewOrderStore.getState();
  const touched = new Set(Object.keys(patch));
  // The window's problems sit on windowStart/windowEnd; its inputs are windowDay/From/To.
  const windowTouched = ['windowDay', 'windowFrom', 'windowTo'].some((k) => touched.has(k));
  useNewOrderStore.setState({
    draft: { ...s.draft, ...patch },
    problems: s.problems.filter((p) => !touched.has(p.field) && !(windowTouched && (p.field === 'windowStart' || p.field === 'windowEnd'))),
  });
}

/** Customer lookup as the dispatcher types; a slower earlier answer never overwrites a later one. */
export async function searchCustomers(query: string): Promise<void> {
  const latest = startLatestRequest(useNewOrderStore, 'customerRequest');
  useNewOrderStore.setState({ customerQuery: query });
  if (query.trim().length < 2) {
    useNewOrderStore.setState({ customers: null, customersLoading: false });
    return;
  }
  useNewOrderStore.setState({ customersLoading: true });
  try {
    const customers = await api().lookupCustomers({ query });
    if (latest()) useNewOrderStore.setState({ customers, customersLoading: false });
  } catch (err) {
    if (latest()) useNewOrderStore.setState({ customers: [], customersLoading: false, error: errorMessage(err) });
  }
}

/** The customer, delivering to their `address`-th last address (the latest by default). */
export function pickCustomer(c: CustomerMatch, address = 0): void {
  const s = useNewOrderStore.getState();
  const chosen = c.lastAddresses[address];
  const ordered = chosen ? { ...c, lastAddresses: [chosen] } : c;
  const draft = withCustomer(s.draft, ordered);
  // The nearest warehouse for that address, as if the address had been picked.
  const last = ordered.lastAddresses[0];
  const placed = last ? withDeliveryPoint(draft, { lat: last.lat, lon: last.lon, approximate: false }, s.warehouses) : draft;
  useNewOrderStore.setState({ draft: placed, customers: null, customerQuery: '', problems: [] });
}

export function pickAddress(a: { address: string; city: string; lat: number; lon: number }): void {
  const s = useNewOrderStore.getState();
  useNewOrderStore.setState({
    draft: withDeliveryPoint(s.draft, { ...a, approximate: false }, s.warehouses),
    problems: s.problems.filter((p) => !p.field.startsWith('delivery')),
  });
}

export async function searchAddress(query: string): Promise<void> {
  const latest = startLatestRequest(useNewOrderStore, 'geocodeRequest');
  useNewOrderStore.setState({ addressQuery: query });
  if (query.trim().length < 2) {
    useNewOrderStore.setState({ suggestions: null });
    return;
  }
  const s = useNewOrderStore.getState();
  const w = s.warehouses.find((x) => x.id === s.draft.warehouseId);
  try {
    const suggestions = await api().geocode({ query, ...(w ? { near: { lat: w.lat, lon: w.lon } } : {}) });
    if (latest()) useNewOrderStore.setState({ suggestions });
  } catch (err) {
    if (latest()) useNewOrderStore.setState({ suggestions: null, error: errorMessage(err) });
  }
}

/** A suggestion chosen: its label is the address, its city the city, its point the point. */
export function pickPlace(p: Place): void {
  const s = useNewOrderStore.getState();
  useNewOrderStore.setState({
    draft: withDeliveryPoint(s.draft, { address: p.kind === 'city' ? s.addressQuery.trim() || p.label : p.label, city: p.city, lat: p.lat, lon: p.lon, approximate: p.approximate }, s.warehouses),
    suggestions: null,
    problems: s.problems.filter((x) => !x.field.startsWith('delivery')),
  });
}

/** The point moved on the map: the address stays, the point is now the house. */
export function movePoint(lat: number, lon: number): void {
  const s = useNewOrderStore.getState();
  useNewOrderStore.setState({
    draft: withDeliveryPoint(s.draft, { lat, lon, approximate: false }, s.warehouses),
    problems: s.problems.filter((p) => p.field !== 'deliveryLat' && p.field !== 'deliveryLon'),
  });
}

export function chooseWarehouse(id: string | null): void {
  const s = useNewOrderStore.getState();
  const w = id === null ? null : (s.warehouses.find((x) => x.id === id) ?? null);
  useNewOrderStore.setState({ draft: withWarehouse(s.draft, w, false) });
}

/** The region whose clock the window is typed in: the chosen warehouse's. */
export function draftRegion(s: Pick<NewOrderState, 'draft' | 'warehouses'>): string | undefined {
  return s.warehouses.find((w) => w.id === s.draft.warehouseId)?.regionId;
}

export async function saveNewOrder(offsetMinutes: number, now: number): Promise<boolean> {
  const s = useNewOrderStore.getState();
  if (s.busy) return false;
  const { request, problems } = buildRequest(s.draft, offsetMinutes, now);
  if (request === null) {
    useNewOrderStore.setState({ problems, error: null });
    return false;
  }
  useNewOrderStore.setState({ busy: true, problems: [], error: null });
  try {
    const result = await api().createOrder(request);
    if (!result.ok) {
      // main names the fields with the same check the form runs; anything else is its sentence.
      const named = (result.details?.['problems'] as FieldProblem[] | undefined) ?? [];
      useNewOrderStore.setState({ busy: false, problems: named, error: named.length > 0 ? null : result.message });
      return false;
    }
    useNewOrderStore.setState({ ...initial() });
    await openOrder(result.orderId);
    return true;
  } catch (err) {
    useNewOrderStore.setState({ busy: false, error: errorMessage(err) });
    return false;
  }
}
