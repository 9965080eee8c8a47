// The Carriers tab's state: the filter form, the ranked results (searched as the user types,
// debounced), the count (a second, slower call), the open carrier card, the open dialog, and
// the import wizard. Actions call the API and set state; components only select. Edits by
// anyone come back as change events: the refresh plan's 'carriers' target re-reads the list
// and the card while the screen shows (app/refresh-plan.ts).
import { create } from 'zustand';
import type {
  CarrierCard,
  CarrierCount,
  CarrierSearchResult,
  ImportDuplicateAction,
  ImportFileInfo,
  ImportMapping,
  ImportPreview,
  ImportReport,
} from '../../../../shared/api/carriers-api';
import type { MarshrutApi } from '../../../../shared/api/contract';
import type { CommandResult } from '../../../../shared/api/define';
import type { CarrierVehicleRow } from '../../../../shared/schema';
import { api, errorMessage } from '../../api/client';
import { fileToBase64, saveBase64File } from '../../ui/file-base64';
import { CARRIER_EDITOR_ROLES } from '../../../../shared/carriers/carrier-args';
import { useSessionStore } from '../session/store';
import { EMPTY_DRAFT, isEmptySearch, toFilters, type FilterDraft } from './filters';

/** Whether this user may edit the carrier base (others only search and call; main would refuse). */
export function useCanEditCarriers(): boolean {
  const role = useSessionStore((s) => s.session?.user?.role ?? null);
  return role !== null && (CARRIER_EDITOR_ROLES as readonly string[]).includes(role);
}

export const PAGE = 50;
const DEBOUNCE_MS = 180;

export type CarrierDialog =
  | { kind: 'create' }
  | { kind: 'edit' }
  | { kind: 'vehicle'; vehicle: CarrierVehicleRow | null }
  | { kind: 'lane' }
  | { kind: 'offer' }
  | { kind: 'deal' }
  | { kind: 'blacklist' }
  | { kind: 'import' };

export interface ImportWizard {
  step: 'file' | 'mapping' | 'preview' | 'report';
  busy: boolean;
  error: string | null;
  file: ImportFileInfo | null;
  mapping: ImportMapping;
  preview: ImportPreview | null;
  duplicates: ImportDuplicateAction;
  report: ImportReport | null;
}

export interface CarriersState {
  draft: FilterDraft;
  results: CarrierSearchResult[];
  hasMore: boolean;
  searching: boolean;
  /** The last search's own time in main. */
  tookMs: number | null;
  count: CarrierCount | null;
  /** The cities as the base spells them, when the typed ones were resolved. */
  resolved: { fromCity: string | null; toCity: string | null };
  error: string | null;
  cities: string[];
  selectedId: string | null;
  card: CarrierCard | null;
  dialog: CarrierDialog | null;
  dialogError: string | null;
  /** A short message at the bottom ("Copied", "Saved"), cleared after a few seconds. */
  notice: string | null;
  exporting: boolean;
  wizard: ImportWizard;
  /** The screen is mounted: carrier changes re-read its list and card. */
  showing: boolean;
  /** Only the newest search may write results: answers can arrive out of order while typing. */
  searchSeq: number;
  /** The search waiting for the user to stop typing. */
  searchTimer: ReturnType<typeof setTimeout> | null;
  /** Clears the notice. */
  noticeTimer: ReturnType<typeof setTimeout> | null;
}

const EMPTY_WIZARD: ImportWizard = { step: 'file', busy: false, error: null, file: null, mapping: {}, preview: null, duplicates: 'skip', report: null };

const initial: CarriersState = {
  draft: EMPTY_DRAFT,
  results: [],
  hasMore: false,
  searching: false,
  tookMs: null,
  count: null,
  resolved: { fromCity: null, toCity: null },
  error: null,
  cities: [],
  selectedId: null,
  card: null,
  dialog: null,
  dialogError: null,
  notice: null,
  exporting: false,
  wizard: EMPTY_WIZARD,
  showing: false,
  searchSeq: 0,
  searchTimer: null,
  noticeTimer: null,
};

export const useCarriersStore = create<CarriersState>(() => initial);

export function resetCarriersStore(): void {
  const { searchTimer, noticeTimer } = useCarriersStore.getState();
  if (searchTimer !== null) clearTimeout(searchTimer);
  if (noticeTimer !== null) clearTimeout(noticeTimer);
  useCarriersStore.setState(initial, true);
}

export function showNotice(text: string): void {
  const { noticeTimer } = useCarriersStore.getState();
  if (noticeTimer !== null) clearTimeout(noticeTimer);
  useCarriersStore.setState({ notice: text, noticeTimer: setTimeout(() => useCarriersStore.setState({ notice: null, noticeTimer: null }), 4000) });
}

/** The screen mounts (true) or unmounts (false). */
export function showCarriers(showing: boolean): void {
  useCarriersStore.setState({ showing });
}

/** Carrier rows changed (this console's edit or another logistician's): re-read what shows. */
export async function refreshCarriers(): Promise<void> {
  if (!useCarriersStore.getState().showing) return;
  await Promise.all([search(), reloadCard()]);
}

export async function loadCities(): Promise<void> {
  try {
    useCarriersStore.setState({ cities: await api().carrierCities() });
  } catch {
    // The fields still work without suggestions.
  }
}

export async function search(opts: { append?: boolean } = {}): Promise<void> {
  const seq = useCarriersStore.getState().searchSeq + 1;
  useCarriersStore.setState({ searchSeq: seq });
  const isNewest = () => useCarriersStore.getState().searchSeq === seq;
  const { draft, results } = useCarriersStore.getState();
  const filters = toFilters(draft);
  const offset = opts.append ? results.length : 0;
  useCarriersStore.setState({ searching: true, error: null, ...(opts.append ? {} : { count: null }) });
  try {
    const res = await api().searchCarriers({ ...filters, offset, limit: PAGE });
    if (!isNewest()) return;
    useCarriersStore.setState({
      results: opts.append ? [...results, ...res.results] : res.results,
      hasMore: res.hasMore,
      tookMs: res.tookMs,
      resolved: { fromCity: res.fromCity, toCity: res.toCity },
      searching: false,
    });
    if (!opts.append) {
      // The count walks every match: ask for it after the list is on screen.
      const count = res.hasMore ? await api().countCarriers(filters) : { total: res.results.length, capped: false };
      if (isNewest()) useCarriersStore.setState({ count });
    }
  } catch (err) {
    if (isNewest()) useCarriersStore.setState({ error: errorMessage(err), searching: false });
  }
}

/** Results follow the form as the user types, a moment after the last key. */
export function setDraft(patch: Partial<FilterDraft>): void {
  const { searchTimer } = useCarriersStore.getState();
  if (searchTimer !== null) clearTimeout(searchTimer);
  const timer = setTimeout(() => {
    useCarriersStore.setState({ searchTimer: null });
    void search();
  }, DEBOUNCE_MS);
  useCarriersStore.setState((s) => ({ draft: { ...s.draft, ...patch }, searchTimer: timer }));
}

export function resetDraft(): void {
  setDraft(EMPTY_DRAFT);
}

export function hasFilters(): boolean {
  return !isEmptySearch(toFilters(useCarriersStore.getState().draft));
}

export async function openCarrier(carrierId: string | null): Promise<void> {
  useCarriersStore.setState({ selectedId: carrierId, card: carrierId === useCarriersStore.getState().card?.carrier.id ? useCarriersStore.getState().card : null });
  if (carrierId !== null) await reloadCard();
}

export async function reloadCard(): Promise<void> {
  const id = useCarriersStore.getState().selectedId;
  if (id === null) return;
  try {
    const card = await api().getCarrier({ carrierId: id });
    if (useCarriersStore.getState().selectedId === id) useCarriersStore.setState({ card });
  } catch (err) {
    useCarriersStore.setState({ error: errorMessage(err) });
  }
}

export function openDialog(dialog: CarrierDialog | null): void {
  useCarriersStore.setState({ dialog, dialogError: null, ...(dialog?.kind === 'import' ? { wizard: EMPTY_WIZARD } : {}) });
}

/** The carrier base's edits: each the sync mutation of the same name (shared/api/carriers-api.ts). */
export type CarrierEdit =
  | 'createCarrier'
  | 'editCarrier'
  | 'setCarrierSecurityCheck'
  | 'setCarrierBlacklisted'
  | 'addCarrierVehicle'
  | 'editCarrierVehicle'
  | 'removeCarrierVehicle'
  | 'addCarrierLane'
  | 'removeCarrierLane'
  | 'addCarrierOffer'
  | 'recordCarrierDeal';
export type CarrierEditArgs<K extends CarrierEdit> = Parameters<MarshrutApi[K]>[0];

/**
 * Runs an edit (a sync mutation in main). Success closes the dialog and shows "saved"; a
 * refusal keeps the dialog open with the reason. The change event refreshes list and card.
 */
export async function runEdit<K extends CarrierEdit>(call: K, args: CarrierEditArgs<K>, savedText: string): Promise<boolean> {
  try {
    const send = api()[call] as (a: CarrierEditArgs<K>) => Promise<CommandResult>;
    const res = await send(args);
    if (!res.ok) {
      useCarriersStore.setState({ dialogError: res.message });
      return false;
    }
    useCarriersStore.setState({ dialog: null, dialogError: null });
    showNotice(savedText);
    void reloadCard();
    return true;
  } catch (err) {
    useCarriersStore.setState({ dialogError: errorMessage(err) });
    return false;
  }
}

export async function copyText(text: string, copiedText: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    showNotice(copiedText);
  } catch {
    // Clipboard refused (no permission, no focus): show the text so it can be copied by hand.
    showNotice(text);
  }
}

export async function exportResults(doneText: (n: number, file: string) => string, lang: 'ru' | 'en'): Promise<void> {
  useCarriersStore.setState({ exporting: true });
  try {
    const file = await api().exportCarriers({ ...toFilters(useCarriersStore.getState().draft), language: lang });
    saveBase64File(file);
    showNotice(doneText(file.rows, file.fileName));
  } catch (err) {
    useCarriersStore.setState({ error: errorMessage(err) });
  } finally {
    useCarriersStore.setState({ exporting: false });
  }
}

// ---------- import wizard ----------

function setWizard(patch: Partial<ImportWizard>): void {
  useCarriersStore.setState((s) => ({ wizard: { ...s.wizard, ...patch } }));
}

export async function pickImportFile(file: File): Promise<void> {
  setWizard({ busy: true, error: null });
  try {
    const info = await api().readCarrierImportFile({ fileName: file.name, dataBase64: await fileToBase64(file) });
    setWizard({ busy: false, file: info, mapping: info.suggestedMapping, step: 'mapping', preview: null, report: null });
  } catch (err) {
    setWizard({ busy: false, error: errorMessage(err) });
  }
}

export function setMapping(mapping: ImportMapping): void {
  setWizard({ mapping, preview: null });
}

export function setDuplicateAction(duplicates: ImportDuplicateAction): void {
  setWizard({ duplicates });
}

export function wizardBack(): void {
  const { step } = useCarriersStore.getState().wizard;
  setWizard({ step: step === 'preview' ? 'mapping' : 'file', error: null });
}

export async function previewImport(): Promise<void> {
  const { file, mapping } = useCarriersStore.getState().wizard;
  if (!file) return;
  setWizard({ busy: true, error: null });
  try {
    const preview = await api().previewCarrierImport({ importId: file.importId, mapping });
    setWizard({ busy: false, preview, step: 'preview' });
  } catch (err) {
    setWizard({ busy: false, error: errorMessage(err) });
  }
}

export async function commitImport(): Promise<void> {
  const { file, mapping, duplicates } = useCarriersStore.getState().wizard;
  if (!file) return;
  setWizard({ busy: true, error: null });
  try {
    const report = await api().commitCarrierImport({ importId: file.importId, mapping, duplicates });
    setWizard({ busy: false, report, step: 'report' });
    void search();
  } catch (err) {
    setWizard({ busy: false, error: errorMessage(err) });
  }
}
