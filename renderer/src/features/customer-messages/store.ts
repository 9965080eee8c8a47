// The admin's customer-message screen: the rules and quiet hours main reads from the replica,
// the trigger and language being edited, the drafts as typed, the preview of the draft on a
// real order (rendered by main with the server's own functions), and the last save's answer
// with the field it names.
import { create } from 'zustand';
import type { MessagePreview, MessageSettingsView, PreviewOrderOption } from '../../../../shared/api/messages-api';
import type { CommandResult } from '../../../../shared/api/define';
import type { ChannelToggles, CustomerTrigger, MessageLanguage } from '../../../../shared/messages/message-vocabulary';
import type { EffectiveSettings } from '../../../../shared/messages/message-rules';
import type { ServiceType } from '../../../../shared/domain/vocabulary';
import { ApiError } from '../../../../shared/api/client';
import { api, errorMessage } from '../../api/client';
import { startLatestRequest, type RequestTicket } from '../../ui/latest-request';

export interface SaveAnswer {
  ok: boolean;
  text: string;
  /** The field a refusal names ("texts.ru", "quietStartMinute"), to mark it. */
  field: string | null;
  /** The refusal's code ('bad_template', 'forbidden', ...), worded by the screen where it knows it. */
  code?: string;
}

export interface CustomerMessagesState {
  view: MessageSettingsView | null;
  trigger: CustomerTrigger;
  language: MessageLanguage;
  /** The texts being edited for `trigger`, per language. */
  drafts: Record<MessageLanguage, string> | null;
  orders: PreviewOrderOption[];
  orderId: string | null;
  preview: MessagePreview | null;
  answer: SaveAnswer | null;
  /** The screen is mounted: rule changes re-read it (the refresh plan's 'customerMessages'). */
  showing: boolean;
  /** The preview asked last (latest-request.ts): a slower older answer never overwrites a newer one. */
  previewRequest: RequestTicket;
}

const initial: CustomerMessagesState = {
  view: null,
  trigger: 'confirmed',
  language: 'ru',
  drafts: null,
  orders: [],
  orderId: null,
  preview: null,
  answer: null,
  showing: false,
  previewRequest: null,
};

export const useCustomerMessagesStore = create<CustomerMessagesState>(() => initial);

export function resetCustomerMessagesStore(): void {
  useCustomerMessagesStore.setState(initial, true);
}

/** The screen mounts (true: read the rules) or unmounts (false). */
export function showCustomerMessages(showing: boolean): Promise<void> {
  useCustomerMessagesStore.setState({ showing });
  return showing ? loadMessageSettings() : Promise.resolve();
}

/** Rules or quiet hours changed: re-read them if the screen shows (drafts being typed stay). */
export async function refreshMessageSettings(): Promise<void> {
  if (useCustomerMessagesStore.getState().showing) await loadMessageSettings();
}

function draftsOf(view: MessageSettingsView, trigger: CustomerTrigger): Record<MessageLanguage, string> | null {
  const rule = view.rules.find((r) => r.trigger === trigger);
  if (rule === undefined) return null;
  return { ru: rule.texts.ru ?? rule.defaults.ru, kk: rule.texts.kk ?? rule.defaults.kk, en: rule.texts.en ?? rule.defaults.en };
}

/** Loads the rules; keeps drafts being typed unless `resetDrafts`. */
export async function loadMessageSettings(resetDrafts = false): Promise<void> {
  try {
    const view = await api().messageSettings();
    const s = useCustomerMessagesStore.getState();
    useCustomerMessagesStore.setState({ view, drafts: resetDrafts || s.drafts === null ? draftsOf(view, s.trigger) : s.drafts });
    if (s.orders.length === 0) await loadPreviewOrders();
    else await refreshPreview();
  } catch (err) {
    useCustomerMessagesStore.setState({ answer: { ok: false, text: errorMessage(err), field: null } });
  }
}

export async function selectTrigger(trigger: CustomerTrigger): Promise<void> {
  const { view } = useCustomerMessagesStore.getState();
  useCustomerMessagesStore.setState({ trigger, drafts: view === null ? null : draftsOf(view, trigger), answer: null, orderId: null });
  await loadPreviewOrders();
}

export function selectLanguage(language: MessageLanguage): Promise<void> {
  useCustomerMessagesStore.setState({ language });
  return refreshPreview();
}

export function selectOrder(orderId: string): Promise<void> {
  useCustomerMessagesStore.setState({ orderId });
  return refreshPreview();
}

export function editDraft(text: string): Promise<void> {
  const s = useCustomerMessagesStore.getState();
  if (s.drafts === null) return Promise.resolve();
  // A refusal of the text is about what was typed before: the live problems take over.
  const answer = s.answer !== null && !s.answer.ok && s.answer.field?.startsWith('texts.') ? null : s.answer;
  useCustomerMessagesStore.setState({ drafts: { ...s.drafts, [s.language]: text }, answer });
  return refreshPreview();
}

async function loadPreviewOrders(): Promise<void> {
  const { trigger } = useCustomerMessagesStore.getState();
  try {
    const orders = await api().previewOrders({ trigger });
    const s = useCustomerMessagesStore.getState();
    const keep = s.orderId !== null && orders.some((o) => o.id === s.orderId);
    useCustomerMessagesStore.setState({ orders, orderId: keep ? s.orderId : (orders[0]?.id ?? null) });
  } catch (err) {
    useCustomerMessagesStore.setState({ answer: { ok: false, text: errorMessage(err), field: null } });
  }
  await refreshPreview();
}

/** Renders the current draft on the chosen order; a slower older answer never overwrites a newer one. */
export async function refreshPreview(): Promise<void> {
  const s = useCustomerMessagesStore.getState();
  if (s.drafts === null || s.orderId === null) {
    useCustomerMessagesStore.setState({ preview: null });
    return;
  }
  const latest = startLatestRequest(useCustomerMessagesStore, 'previewRequest');
  try {
    const preview = await api().previewMessage({ trigger: s.trigger, language: s.language, text: s.drafts[s.language], orderId: s.orderId });
    if (latest()) useCustomerMessagesStore.setState({ preview });
  } catch (err) {
    if (latest()) useCustomerMessagesStore.setState({ preview: null, answer: answerOf(err) });
  }
}

function answerOf(err: unknown): SaveAnswer {
  const field = err instanceof ApiError && typeof err.details?.field === 'string' ? err.details.field : null;
  return { ok: false, text: errorMessage(err), field, ...(err instanceof ApiError ? { code: err.code } : {}) };
}

async function save(call: () => Promise<CommandResult>, resetDrafts = false): Promise<boolean> {
  try {
    const r = await call();
    const field = !r.ok && typeof r.details?.field === 'string' ? r.details.field : null;
    // The mutator's own code ('bad_template') travels in details; `code` is the API's class of it.
    const code = !r.ok && typeof r.details?.code === 'string' ? r.details.code : r.ok ? undefined : r.code;
    useCustomerMessagesStore.setState({ answer: r.ok ? { ok: true, text: '', field: null } : { ok: false, text: r.message, field, ...(code === undefined ? {} : { code }) } });
    if (r.ok) await loadMessageSettings(resetDrafts);
    return r.ok;
  } catch (err) {
    useCustomerMessagesStore.setState({ answer: answerOf(err) });
    return false;
  }
}

/**
 * Saves the trigger's channels and texts. A draft still equal to the shipped text is not
 * stored, so it follows the shipped text; `reset` drops the admin's text for one language.
 */
export function saveRule(channels: ChannelToggles, reset?: MessageLanguage): Promise<boolean> {
  const { view, trigger, drafts } = useCustomerMessagesStore.getState();
  const rule = view?.rules.find((r) => r.trigger === trigger);
  if (rule === undefined || drafts === null) return Promise.resolve(false);
  const texts: Partial<Record<MessageLanguage, string>> = {};
  for (const lang of ['ru', 'kk', 'en'] as const) {
    if (lang === reset) continue;
    if (rule.texts[lang] === null && drafts[lang] === rule.defaults[lang]) continue;
    texts[lang] = drafts[lang];
  }
  return save(() => api().updateMessageRule({ trigger, channels, texts }), true);
}

/** Channels of any trigger, saved at once (the table's checkboxes); its texts stay as stored. */
export function saveChannels(trigger: CustomerTrigger, channels: ChannelToggles): Promise<boolean> {
  const rule = useCustomerMessagesStore.getState().view?.rules.find((r) => r.trigger === trigger);
  if (rule === undefined) return Promise.resolve(false);
  const texts: Partial<Record<MessageLanguage, string>> = {};
  for (const lang of ['ru', 'kk', 'en'] as const) {
    const own = rule.texts[lang];
    if (own !== null) texts[lang] = own;
  }
  return save(() => api().updateMessageRule({ trigger, channels, texts }));
}

/** One cell of the occasion × service matrix, saved at once; the other cells stay as stored. */
export function saveService(trigger: CustomerTrigger, service: ServiceType, on: boolean): Promise<boolean> {
  return save(() => api().setMessageServices({ trigger, services: { [service]: on } }));
}

export function saveTimings(settings: EffectiveSettings): Promise<boolean> {
  return save(() => api().updateMessageSettings({ ...settings }));
}
