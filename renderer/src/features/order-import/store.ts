// The order import dialog: pick a file -> map its columns (guessed from the headers) -> check
// every row (each refused one with its reasons) -> import all of them, or none while a row is
// refused. Main reads, checks and queues; nothing here decides what a row means.
import { create } from 'zustand';
import type { OrderImportFile, OrderImportPreview, OrderImportProgress } from '../../../../shared/api/order-import-api';
import type { OrderImportMapping } from '../../../../shared/order-import/import-fields';
import { api, errorMessage } from '../../api/client';
import { fileToBase64 } from '../../ui/file-base64';

export type OrderImportStep = 'file' | 'mapping' | 'preview' | 'done';

export interface OrderImportState {
  open: boolean;
  step: OrderImportStep;
  busy: boolean;
  /** The last step's failure, as main worded it (an unreadable file, nothing imported). */
  error: string | null;
  file: OrderImportFile | null;
  mapping: OrderImportMapping;
  preview: OrderImportPreview | null;
  created: number | null;
  /** After the import: its way to the server (parts held, done, or refused with the row), as main reads it. */
  progress: OrderImportProgress | null;
  /** The next question about the progress, until the server decides. */
  pollTimer: ReturnType<typeof setTimeout> | null;
}

const initial = (): OrderImportState => ({ open: false, step: 'file', busy: false, error: null, file: null, mapping: {}, preview: null, created: null, progress: null, pollTimer: null });

/** How often the dialog asks main where the committed import stands, until the server decides. */
export const PROGRESS_POLL_MS = 600;

function stopPolling(): void {
  const { pollTimer } = useOrderImportStore.getState();
  if (pollTimer !== null) clearTimeout(pollTimer);
  set({ pollTimer: null });
}

async function pollProgress(batchId: string): Promise<void> {
  set({ pollTimer: null });
  try {
    const progress = await api().orderImportProgress({ batchId });
    // The dialog may have been closed (or another import started) meanwhile.
    if (useOrderImportStore.getState().progress?.batchId !== batchId) return;
    set({ progress });
    if (progress.state === 'done' || progress.state === 'refused') return;
  } catch (err) {
    set({ error: errorMessage(err) });
    return;
  }
  set({ pollTimer: setTimeout(() => void pollProgress(batchId), PROGRESS_POLL_MS) });
}

export const useOrderImportStore = create<OrderImportState>()(initial);

const set = (patch: Partial<OrderImportState>) => useOrderImportStore.setState(patch);

export function openOrderImport(): void {
  stopPolling();
  useOrderImportStore.setState({ ...initial(), open: true });
}

export function closeOrderImport(): void {
  stopPolling();
  useOrderImportStore.setState(initial());
}

export async function pickOrderFile(file: File): Promise<void> {
  set({ busy: true, error: null });
  try {
    const info = await api().readOrderImportFile({ fileName: file.name, dataBase64: await fileToBase64(file) });
    set({ busy: false, file: info, mapping: info.suggestedMapping, step: 'mapping', preview: null });
  } catch (err) {
    set({ busy: false, error: errorMessage(err) });
  }
}

export function setOrderMapping(mapping: OrderImportMapping): void {
  set({ mapping, preview: null });
}

export function orderImportBack(): void {
  const { step } = useOrderImportStore.getState();
  set({ step: step === 'preview' ? 'mapping' : 'file', error: null });
}

export async function previewOrderImport(): Promise<void> {
  const { file, mapping } = useOrderImportStore.getState();
  if (!file) return;
  set({ busy: true, error: null });
  try {
    set({ busy: false, preview: await api().previewOrderImport({ importId: file.importId, mapping }), step: 'preview' });
  } catch (err) {
    set({ busy: false, error: errorMessage(err) });
  }
}

export async function commitOrderImport(): Promise<void> {
  const { file, mapping } = useOrderImportStore.getState();
  if (!file) return;
  set({ busy: true, error: null });
  try {
    const r = await api().commitOrderImport({ importId: file.importId, mapping });
    if (r.ok) {
      set({
        busy: false,
        step: 'done',
        created: r.created,
        progress: { batchId: r.batchId, parts: r.parts, orders: r.created, received: 0, state: 'queued', online: true, refusal: null },
      });
      stopPolling();
      void pollProgress(r.batchId);
    } else set({ busy: false, error: r.message });
  } catch (err) {
    set({ busy: false, error: errorMessage(err) });
  }
}
