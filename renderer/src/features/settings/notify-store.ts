// Notifications outside the app, on the Settings screen: my own (which alerts reach me by
// Telegram or e-mail, quiet hours) and the admin's daily summary by e-mail. Both are forms over
// one server row: the store holds the row as loaded, the draft as edited, and the last save's
// answer. The refresh plan's 'myNotify' and 'dailySummary' targets re-read them while they show.
import { create } from 'zustand';
import type { AlertKind } from '../../../../shared/alerts/alert-vocabulary';
import type { CommandResult } from '../../../../shared/api/define';
import type { DailySummaryView } from '../../../../shared/api/reports-api';
import type { MyNotifyPrefsView } from '../../../../shared/api/messages-api';
import { ApiError } from '../../../../shared/api/client';
import { api } from '../../api/client';
import { refusalFrom, type Refusal } from '../../i18n/refusal-words';

export type MyNotifyForm = Omit<MyNotifyPrefsView, 'saved' | 'canSet'>;
/** A refusal keeps the server's code and field only: the words come from the dictionary. */
export type MyNotifyAnswer = { ok: true } | ({ ok: false } & Refusal);
/** The daily summary's last save, the same way: worded by refusal-words.ts ('setDailySummary'). */
export type SummaryAnswer = MyNotifyAnswer;

export interface NotifySettingsState {
  /** My notifications as edited; null until loaded. */
  myForm: MyNotifyForm | null;
  /** Only desk roles get alerts, so only they see the form. */
  myCanSet: boolean;
  myAnswer: MyNotifyAnswer | null;
  myShowing: boolean;
  /** The daily summary as edited; null until loaded. */
  summary: DailySummaryView | null;
  summaryAnswer: SummaryAnswer | null;
  summaryShowing: boolean;
}

const initial: NotifySettingsState = { myForm: null, myCanSet: false, myAnswer: null, myShowing: false, summary: null, summaryAnswer: null, summaryShowing: false };

export const useNotifySettingsStore = create<NotifySettingsState>(() => initial);

export function resetNotifySettingsStore(): void {
  useNotifySettingsStore.setState(initial, true);
}

function refusalOf(err: unknown): MyNotifyAnswer {
  return { ok: false, ...(err instanceof ApiError ? refusalFrom(err.code, err.details) : { code: null, field: null }) };
}

/** The form mounts (true) or unmounts (false); a mount starts afresh from the row. */
export function showMyNotifications(showing: boolean): Promise<void> {
  useNotifySettingsStore.setState(showing ? { myShowing: true, myForm: null, myAnswer: null } : { myShowing: false });
  return showing ? loadMyNotifyPrefs() : Promise.resolve();
}

/** Reads my row; an edit in progress is replaced (the row changed under it). */
export async function loadMyNotifyPrefs(): Promise<void> {
  try {
    const { saved: _saved, canSet, ...form } = await api().myNotifyPrefs();
    useNotifySettingsStore.setState({ myForm: form, myCanSet: canSet });
  } catch (err) {
    useNotifySettingsStore.setState({ myAnswer: refusalOf(err) });
  }
}

export async function refreshMyNotifyPrefs(): Promise<void> {
  if (useNotifySettingsStore.getState().myShowing) await loadMyNotifyPrefs();
}

export function editMyNotifyPrefs(patch: Partial<MyNotifyForm>): void {
  const { myForm } = useNotifySettingsStore.getState();
  if (myForm !== null) useNotifySettingsStore.setState({ myForm: { ...myForm, ...patch } });
}

export function toggleMyNotifyKind(kind: AlertKind): void {
  const { myForm } = useNotifySettingsStore.getState();
  if (myForm !== null) editMyNotifyPrefs({ kinds: myForm.kinds.includes(kind) ? myForm.kinds.filter((k) => k !== kind) : [...myForm.kinds, kind] });
}

export async function saveMyNotifyPrefs(): Promise<void> {
  const form = useNotifySettingsStore.getState().myForm;
  if (form === null) return;
  const email = form.channel === 'email' || form.channel === 'both';
  const telegram = form.channel === 'telegram' || form.channel === 'both';
  try {
    const r = await api().setMyNotifyPrefs({
      ...form,
      // An address the chosen channel does not use is not kept.
      email: email ? form.email?.trim() || null : null,
      telegramChatId: telegram ? form.telegramChatId?.trim() || null : null,
    });
    useNotifySettingsStore.setState({ myAnswer: r.ok ? { ok: true } : { ok: false, ...refusalFrom(r.code, r.details) } });
  } catch (err) {
    useNotifySettingsStore.setState({ myAnswer: refusalOf(err) });
  }
}

export function showDailySummary(showing: boolean): Promise<void> {
  useNotifySettingsStore.setState(showing ? { summaryShowing: true, summary: null, summaryAnswer: null } : { summaryShowing: false });
  return showing ? loadDailySummary() : Promise.resolve();
}

export async function loadDailySummary(): Promise<void> {
  try {
    useNotifySettingsStore.setState({ summary: await api().dailySummarySettings() });
  } catch (err) {
    useNotifySettingsStore.setState({ summaryAnswer: refusalOf(err) });
  }
}

export async function refreshDailySummary(): Promise<void> {
  if (useNotifySettingsStore.getState().summaryShowing) await loadDailySummary();
}

export function editDailySummary(patch: Partial<Pick<DailySummaryView, 'enabled' | 'sendTime'>>): void {
  const { summary } = useNotifySettingsStore.getState();
  if (summary !== null) useNotifySettingsStore.setState({ summary: { ...summary, ...patch } });
}

export function toggleSummaryRecipient(id: string): void {
  const { summary } = useNotifySettingsStore.getState();
  if (summary === null) return;
  const recipientIds = summary.recipientIds.includes(id) ? summary.recipientIds.filter((x) => x !== id) : [...summary.recipientIds, id];
  useNotifySettingsStore.setState({ summary: { ...summary, recipientIds } });
}

export async function saveDailySummary(): Promise<void> {
  const view = useNotifySettingsStore.getState().summary;
  if (view === null) return;
  try {
    const r: CommandResult = await api().setDailySummary({ enabled: view.enabled, sendTime: view.sendTime, recipientIds: view.recipientIds });
    useNotifySettingsStore.setState({ summaryAnswer: r.ok ? { ok: true } : { ok: false, ...refusalFrom(r.code, r.details) } });
  } catch (err) {
    useNotifySettingsStore.setState({ summaryAnswer: refusalOf(err) });
  }
}

/** The chosen person a refusal names ("recipientIds.1" -> the second id sent), to mark them in the list. */
export function refusedRecipientId(answer: SummaryAnswer | null, view: Pick<DailySummaryView, 'recipientIds'>): string | null {
  if (answer === null || answer.ok) return null;
  const m = /^recipientIds\.(\d+)$/.exec(answer.field ?? '');
  return m === null ? null : (view.recipientIds[Number(m[1])] ?? null);
}
