// The warehouse screen's state: which warehouse, its pick list, the last scan's answer, the
// problem dialog and what is being printed. Actions call the API and set state; components
// only select. Scans are queued one at a time so fast repeated scans keep their order. The
// refresh plan re-reads the list on order changes while the screen shows (app/bootstrap.ts).
import { create } from 'zustand';
import type { PickListItem, ScanResult } from '../../../../shared/api/warehouse-api';
import { api, errorMessage } from '../../api/client';
import { openScanAudio, playScanSound } from './scan-sound';

export type PrintJob = { kind: 'labels'; items: PickListItem[] } | { kind: 'pickList'; items: PickListItem[] };

export interface ScanFeedback {
  /** 'picked' is good; everything else changed nothing. 'failed' = the call itself failed. */
  outcome: ScanResult['outcome'] | 'failed' | 'reported';
  number: string;
  status: string | null;
  message: string;
  /** Bumped per scan so the same answer twice still flashes. */
  seq: number;
}

export interface WarehouseState {
  warehouses: { id: string; name: string; city: string }[];
  /** null = the user's own warehouse (warehouse role) or none chosen yet. */
  warehouseId: string | null;
  items: PickListItem[];
  loaded: boolean;
  error: string | null;
  feedback: ScanFeedback | null;
  problemFor: PickListItem | null;
  printing: PrintJob | null;
  /** The screen is mounted: order changes re-read its list. */
  showing: boolean;
  /** The scan being run; the next one waits for it. */
  scanQueue: Promise<void>;
  /** Where the scan sounds play, opened by the first scan (scan-sound.ts). */
  audio: AudioContext | null;
}

const initial: WarehouseState = {
  warehouses: [],
  warehouseId: null,
  items: [],
  loaded: false,
  error: null,
  feedback: null,
  problemFor: null,
  printing: null,
  showing: false,
  scanQueue: Promise.resolve(),
  audio: null,
};

export const useWarehouseStore = create<WarehouseState>(() => initial);

export function resetWarehouseStore(): void {
  void useWarehouseStore.getState().audio?.close().catch(() => undefined);
  useWarehouseStore.setState(initial, true);
}

/** A missed 'changes' event (or a deadline order that moved without one) is caught up within this long. */
export const PICK_LIST_REFRESH_MS = 60_000;

export async function loadWarehouses(): Promise<void> {
  try {
    useWarehouseStore.setState({ warehouses: await api().listWarehouses() });
  } catch (err) {
    useWarehouseStore.setState({ error: errorMessage(err) });
  }
}

export async function loadPickList(): Promise<void> {
  const { warehouseId } = useWarehouseStore.getState();
  try {
    const items = await api().pickList(warehouseId === null ? {} : { warehouseId });
    useWarehouseStore.setState({ items, loaded: true, error: null });
  } catch (err) {
    useWarehouseStore.setState({ error: errorMessage(err), loaded: true });
  }
}

/** The screen mounts (true) or unmounts (false). */
export function showWarehouse(showing: boolean): void {
  useWarehouseStore.setState({ showing });
}

/** Orders changed: re-read the list if the screen shows it. */
export function refreshPickList(): Promise<void> {
  return useWarehouseStore.getState().showing ? loadPickList() : Promise.resolve();
}

export function chooseWarehouse(warehouseId: string | null): Promise<void> {
  useWarehouseStore.setState({ warehouseId, items: [], loaded: false });
  return loadPickList();
}

function feedback(f: Omit<ScanFeedback, 'seq'>): void {
  useWarehouseStore.setState((s) => ({ feedback: { ...f, seq: (s.feedback?.seq ?? 0) + 1 } }));
  const audio = openScanAudio(useWarehouseStore.getState().audio);
  if (audio !== useWarehouseStore.getState().audio) useWarehouseStore.setState({ audio });
  if (audio !== null) playScanSound(audio, f.outcome === 'picked' || f.outcome === 'reported' ? 'ok' : 'error');
}

/** A scan (or a number typed and Enter): one at a time, in the order they came. */
export function scan(number: string): Promise<void> {
  const next = useWarehouseStore.getState().scanQueue.then(() => runScan(number));
  useWarehouseStore.setState({ scanQueue: next });
  return next;
}

async function runScan(number: string): Promise<void> {
  const { warehouseId } = useWarehouseStore.getState();
  try {
    const r = await api().scanPick(warehouseId === null ? { number } : { number, warehouseId });
    feedback({ outcome: r.outcome, number: r.number, status: r.status, message: r.message });
    if (r.outcome === 'picked') dropItem(r.orderId);
  } catch (err) {
    feedback({ outcome: 'failed', number, status: null, message: errorMessage(err) });
  }
  void loadPickList();
}

/** The click path: the same mutation, by id. */
export async function pickByClick(item: PickListItem): Promise<void> {
  try {
    const r = await api().markPicked({ orderId: item.id, source: 'manual' });
    if (r.ok) {
      feedback({ outcome: 'picked', number: item.number, status: 'at_warehouse', message: '' });
      dropItem(item.id);
    } else {
      feedback({ outcome: 'refused', number: item.number, status: item.status, message: r.message });
    }
  } catch (err) {
    feedback({ outcome: 'failed', number: item.number, status: null, message: errorMessage(err) });
  }
  void loadPickList();
}

export function openProblem(item: PickListItem | null): void {
  useWarehouseStore.setState({ problemFor: item });
}

export async function reportProblem(item: PickListItem, reason: 'short_delivery' | 'damaged', comment: string): Promise<boolean> {
  try {
    const r = await api().reportProblem({ orderId: item.id, reason, comment });
    if (!r.ok) {
      feedback({ outcome: 'refused', number: item.number, status: item.status, message: r.message });
      return false;
    }
    feedback({ outcome: 'reported', number: item.number, status: 'problem', message: '' });
    useWarehouseStore.setState({ problemFor: null });
    dropItem(item.id);
    void loadPickList();
    return true;
  } catch (err) {
    feedback({ outcome: 'failed', number: item.number, status: null, message: errorMessage(err) });
    return false;
  }
}

/** Renders the print view, then the system print dialog opens (see PrintArea). */
export function print(job: PrintJob | null): void {
  useWarehouseStore.setState({ printing: job });
}

function dropItem(orderId: string | null): void {
  if (orderId === null) return;
  useWarehouseStore.setState((s) => ({ items: s.items.filter((i) => i.id !== orderId) }));
}
