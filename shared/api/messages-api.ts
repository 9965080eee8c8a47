// Customer messages and staff notifications on the desktop: the admin's message screen (texts
// per trigger and language, channels, quiet hours, a preview on a real order), a dispatcher's
// "send the tracking link again". Commands are the mutators' own argument schemas (one rule,
// checked here and again wherever the mutator runs); the server queues and sends, never the
// desktop.
import { z } from 'zod';
import type { EffectiveSettings } from '../messages/message-rules';
import {
  sendTrackingLink as sendTrackingLinkMutator,
  setCustomerMessagePrefs as setCustomerMessagePrefsMutator,
  setMessageServices as setMessageServicesMutator,
  setMyNotifyPrefs as setMyNotifyPrefsMutator,
  updateMessageRule as updateMessageRuleMutator,
  updateMessageSettings as updateMessageSettingsMutator,
} from '../messages/message-mutators';
import type { AlertKind } from '../alerts/alert-vocabulary';
import { CUSTOMER_TRIGGERS, MESSAGE_LANGUAGES, type ChannelToggles, type CustomerTrigger, type ExtraRecipient, type MessageLanguage, type StaffNotifyChannel } from '../messages/message-vocabulary';
import type { OrderStatus, ServiceType } from '../domain/vocabulary';
import type { TemplateProblem } from '../messages/templates';
import { command, idSchema, noArgs, query } from './define';

export interface MessageRuleView {
  trigger: CustomerTrigger;
  channels: ChannelToggles;
  /** Whether it is sent for orders of each service type (every service type, in SERVICE_TYPES order). */
  services: Record<ServiceType, boolean>;
  /** The admin's own text per language; null = the shipped one is used. */
  texts: Record<MessageLanguage, string | null>;
  /** The shipped texts, shown when the admin's is null and restored by "use the shipped text". */
  defaults: Record<MessageLanguage, string>;
  /** An admin changed this rule (channels, service switches or texts). */
  customized: boolean;
}

export interface MessageSettingsView {
  rules: MessageRuleView[];
  settings: EffectiveSettings;
  /** The placeholder names a text may use ({{number}}, ...). */
  placeholders: readonly string[];
  /** Longest text per trigger and language. */
  maxChars: number;
  /** Only admins edit; the server refuses anyone else too. */
  canEdit: boolean;
}

/** An order the preview can be rendered on. */
export interface PreviewOrderOption {
  id: string;
  number: string;
  status: OrderStatus;
  customerName: string;
}

export interface MessagePreview {
  orderId: string;
  orderNumber: string;
  /** E-mail subject. */
  subject: string;
  /** What the customer reads, rendered by the same function the server sends with. */
  body: string;
  /** What is wrong with the text (unknown placeholders, too long, empty); [] = fine. */
  problems: TemplateProblem[];
  /** Characters of the rendered body (an SMS part is 70 Cyrillic characters). */
  chars: number;
}

/** The signed-in user's own choice of how to hear of their alerts outside the app. */
export interface MyNotifyPrefsView {
  channel: StaffNotifyChannel;
  kinds: AlertKind[];
  email: string | null;
  telegramChatId: string | null;
  language: 'ru' | 'en';
  quietStartMinute: number;
  quietEndMinute: number;
  /** false: nothing saved yet (these are the defaults: nothing is sent). */
  saved: boolean;
  /** Only desk roles get alerts. */
  canSet: boolean;
}

/** A customer's message choices as the order card shows them (customer_prefs, or the defaults). */
export interface CustomerMessagePrefsView {
  customerId: string;
  language: MessageLanguage;
  optOut: boolean;
  /** Others the VIP contract says are told; always [] for a customer without one. */
  alsoNotify: ExtraRecipient[];
  /** Only a VIP contract lists others to tell (the mutator refuses the rest). */
  vip: boolean;
  /** false: nothing stored yet (Russian, not opted out). */
  saved: boolean;
  /** Desk roles (the mutator's own actor list). */
  canEdit: boolean;
}

const trigger = z.enum(CUSTOMER_TRIGGERS);

export const messagesApi = {
  /** The customer gets the tracking link again on every channel the "confirmed" rule uses. */
  sendTrackingLink: command(sendTrackingLinkMutator.args.strict()),

  messageSettings: query<MessageSettingsView>()(noArgs),
  /** Real orders from the replica that suit a trigger (its status), newest first. */
  previewOrders: query<PreviewOrderOption[]>()(z.object({ trigger }).strict()),
  /** A text (unsaved, as typed; or the rule's current one) rendered on a real order. null: no such order. */
  previewMessage: query<MessagePreview | null>()(
    z
      .object({
        trigger,
        language: z.enum(MESSAGE_LANGUAGES),
        text: z.string().max(4000).optional(),
        orderId: idSchema.optional(),
      })
      .strict(),
  ),
  updateMessageRule: command(updateMessageRuleMutator.args.strict()),
  /** Turns a trigger on or off for the service types given (the matrix' cells). */
  setMessageServices: command(setMessageServicesMutator.args.strict()),
  updateMessageSettings: command(updateMessageSettingsMutator.args.strict()),

  /** null: no such customer in the replica. */
  customerMessagePrefs: query<CustomerMessagePrefsView | null>()(z.object({ customerId: idSchema }).strict()),
  /** Language, opt-out and (VIP only) the others to tell, for every order of the customer. */
  setCustomerMessagePrefs: command(setCustomerMessagePrefsMutator.args.strict()),

  myNotifyPrefs: query<MyNotifyPrefsView>()(noArgs),
  /** Always the signed-in user's own row (the mutator takes no user id). */
  setMyNotifyPrefs: command(setMyNotifyPrefsMutator.args.strict()),
} as const;
