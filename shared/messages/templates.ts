// Message texts: the shipped ones per trigger and language, the placeholders a text may use,
// and the one renderer. Values are inserted as plain text and every channel sends plain text
// (no HTML mail, no Telegram markup), so a customer's name or an admin's text can't inject
// markup. Placeholders are looked up in a Map, never on an object: `{{__proto__}}` is just an
// unknown name, which validation refuses and rendering leaves empty.
import { MESSAGE_LANGUAGES, type LocalizedTexts, type MessageLanguage, type MessageTrigger } from './message-vocabulary';

export const PLACEHOLDERS = ['number', 'customer', 'status', 'eta', 'deadline', 'link', 'driver', 'reason', 'kind'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Partial<Record<Placeholder, string>>;

/** Longest text an admin may store for one trigger and language (a long SMS is 10 parts). */
export const MAX_TEMPLATE_CHARS = 1000;

const RU: Record<MessageTrigger, string> = {
  confirmed: 'Заказ {{number}} подтверждён. Следить за доставкой: {{link}}',
  in_transit: 'Заказ {{number}} в пути. Ожидаемое время прибытия: {{eta}}. {{link}}',
  arriving: 'Курьер {{driver}} скоро будет у вас с заказом {{number}} (около {{eta}}).',
  delivered: 'Заказ {{number}} доставлен. Спасибо, что выбрали нас!',
  problem: 'С заказом {{number}} возникла проблема: {{reason}}. Мы свяжемся с вами.',
  delay: 'Заказ {{number}} задерживается: новое время прибытия {{eta}} (обещали до {{deadline}}). Приносим извинения.',
  sla_warning: '{{kind}}: заказ {{number}} ({{customer}}), срок {{deadline}}.',
  sla_critical: '{{kind}}: заказ {{number}} ({{customer}}), срок {{deadline}}.',
  sla_breach: '{{kind}}: заказ {{number}} ({{customer}}), срок был {{deadline}}.',
  not_taken: '{{kind}}: заказ {{number}} ({{customer}}) не взят в работу.',
  not_picked: '{{kind}}: заказ {{number}} ({{customer}}) не собран.',
  predicted_late: '{{kind}}: заказ {{number}} ({{customer}}) по прогнозу прибудет после срока {{deadline}}.',
  carrier_loading: '{{kind}}: заказ {{number}} ({{customer}}), позвоните перевозчику и проконтролируйте погрузку.',
  carrier_call: '{{kind}}: заказ {{number}} ({{customer}}) в пути, позвоните перевозчику.',
  // A warehouse alert's own sentence names the warehouse: server/messages/staff-notify.ts sends it as {{kind}}.
  no_shift_start: '{{kind}}',
};

const KK: Record<MessageTrigger, string> = {
  confirmed: '{{number}} тапсырысы расталды. Жеткізуді бақылау: {{link}}',
  in_transit: '{{number}} тапсырысы жолда. Күтілетін келу уақыты: {{eta}}. {{link}}',
  arriving: 'Курьер {{driver}} {{number}} тапсырысымен жақында келеді (шамамен {{eta}}).',
  delivered: '{{number}} тапсырысы жеткізілді. Бізді таңдағаныңызға рахмет!',
  problem: '{{number}} тапсырысында мәселе туындады: {{reason}}. Біз сізбен хабарласамыз.',
  delay: '{{number}} тапсырысы кешігеді: жаңа келу уақыты {{eta}} ({{deadline}} дейін уәде етілген). Кешірім сұраймыз.',
  sla_warning: '{{kind}}: {{number}} тапсырысы ({{customer}}), мерзімі {{deadline}}.',
  sla_critical: '{{kind}}: {{number}} тапсырысы ({{customer}}), мерзімі {{deadline}}.',
  sla_breach: '{{kind}}: {{number}} тапсырысы ({{customer}}), мерзімі {{deadline}} болды.',
  not_taken: '{{kind}}: {{number}} тапсырысы ({{customer}}) жұмысқа алынбады.',
  not_picked: '{{kind}}: {{number}} тапсырысы ({{customer}}) жиналмады.',
  predicted_late: '{{kind}}: {{number}} тапсырысы ({{customer}}) болжам бойынша {{deadline}} мерзімінен кеш келеді.',
  carrier_loading: '{{kind}}: {{number}} тапсырысы ({{customer}}), тасымалдаушыға қоңырау шалып, тиеуді бақылаңыз.',
  carrier_call: '{{kind}}: {{number}} тапсырысы ({{customer}}) жолда, тасымалдаушыға қоңырау шалыңыз.',
  no_shift_start: '{{kind}}',
};

const EN: Record<MessageTrigger, string> = {
  confirmed: 'Order {{number}} is confirmed. Track it here: {{link}}',
  in_transit: 'Order {{number}} is on its way. Expected arrival: {{eta}}. {{link}}',
  arriving: 'Your courier {{driver}} will be with you shortly with order {{number}} (about {{eta}}).',
  delivered: 'Order {{number}} has been delivered. Thank you for choosing us!',
  problem: 'There is a problem with order {{number}}: {{reason}}. We will contact you.',
  delay: 'Order {{number}} is running late: new arrival time {{eta}} (promised by {{deadline}}). We apologise.',
  sla_warning: '{{kind}}: order {{number}} ({{customer}}), due {{deadline}}.',
  sla_critical: '{{kind}}: order {{number}} ({{customer}}), due {{deadline}}.',
  sla_breach: '{{kind}}: order {{number}} ({{customer}}), was due {{deadline}}.',
  not_taken: '{{kind}}: order {{number}} ({{customer}}) was not taken into work.',
  not_picked: '{{kind}}: order {{number}} ({{customer}}) was not picked.',
  predicted_late: '{{kind}}: order {{number}} ({{customer}}) is predicted to arrive after its deadline {{deadline}}.',
  carrier_loading: '{{kind}}: order {{number}} ({{customer}}), call the carrier and check the loading.',
  carrier_call: '{{kind}}: order {{number}} ({{customer}}) is on the road, call the carrier.',
  no_shift_start: '{{kind}}',
};

export const DEFAULT_TEXTS: Readonly<Record<MessageLanguage, Readonly<Record<MessageTrigger, string>>>> = { ru: RU, kk: KK, en: EN };

/** The e-mail subject line per language. */
export const EMAIL_SUBJECT: Readonly<Record<MessageLanguage, string>> = {
  ru: 'Заказ {{number}}',
  kk: '{{number}} тапсырысы',
  en: 'Order {{number}}',
};

/** The text to use: the admin's for this language when set, else the shipped one. */
export function templateFor(trigger: MessageTrigger, language: MessageLanguage, overrides: LocalizedTexts | null | undefined): string {
  const own = overrides !== null && overrides !== undefined && Object.hasOwn(overrides, language) ? overrides[language] : undefined;
  return typeof own === 'string' && own.trim() !== '' ? own : DEFAULT_TEXTS[language][trigger];
}

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN: ReadonlySet<string> = new Set(PLACEHOLDERS);

/** What can be wrong with an admin's text, as codes the console words in its language. */
export type TemplateProblem =
  | { code: 'empty' }
  | { code: 'too_long'; max: number }
  | { code: 'control_characters' }
  | { code: 'unknown_placeholder'; name: string };

export function templateProblems(text: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (text.trim() === '') problems.push({ code: 'empty' });
  if (text.length > MAX_TEMPLATE_CHARS) problems.push({ code: 'too_long', max: MAX_TEMPLATE_CHARS });
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) problems.push({ code: 'control_characters' });
  for (const m of text.matchAll(TOKEN)) {
    const name = m[1] ?? '';
    if (!KNOWN.has(name)) problems.push({ code: 'unknown_placeholder', name: name.slice(0, 40) });
  }
  return problems;
}

/** The same problems as sentences (a mutator's refusal). Empty = fine. */
export function checkTemplate(text: string): string[] {
  return templateProblems(text).map((p) => {
    switch (p.code) {
      case 'empty':
        return 'is empty';
      case 'too_long':
        return `longer than ${p.max} characters`;
      case 'control_characters':
        return 'contains control characters';
      case 'unknown_placeholder':
        return `unknown placeholder {{${p.name}}}`;
    }
  });
}

/** Fills the placeholders; unknown or missing ones become empty, and the result is tidied. */
export function renderTemplate(text: string, values: TemplateValues): string {
  const map = new Map<string, string>();
  for (const key of PLACEHOLDERS) {
    const v = Object.hasOwn(values, key) ? values[key] : undefined;
    if (typeof v === 'string') map.set(key, v);
  }
  return text
    .replace(TOKEN, (_, name: string) => map.get(name) ?? '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

export interface ComposedMessage {
  /** E-mail only; '' for the other channels. */
  subject: string;
  body: string;
}

/**
 * The one way a message is made: the admin's text (or the shipped one) with the values filled
 * in, and the e-mail subject. The server's queue and the console's preview both call it.
 */
export function composeMessage(trigger: MessageTrigger, language: MessageLanguage, overrides: LocalizedTexts | null | undefined, values: TemplateValues, email: boolean): ComposedMessage {
  return {
    subject: email ? renderTemplate(EMAIL_SUBJECT[language], values) : '',
    body: renderTemplate(templateFor(trigger, language, overrides), values),
  };
}

export function isMessageLanguage(x: unknown): x is MessageLanguage {
  return typeof x === 'string' && (MESSAGE_LANGUAGES as readonly string[]).includes(x);
}
