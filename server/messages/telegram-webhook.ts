// POST /telegram/webhook: Telegram's updates for our bot (setWebhook with secret_token).
// A customer who opens https://t.me/<bot>?start=<tracking token> sends "/start <token>": their
// chat is linked to the order's customer (customer_prefs.telegramChatId) and told so. "/stop"
// unlinks the chat. Anything else is acknowledged and ignored (Telegram resends non-2xx).
import type { Logger } from '../../platform/log/logger';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { CustomerPrefsRow, OrderRow, TrackingLinkRow } from '../../shared/schema';
import { readJsonBody, sendJson } from '../http/router';
import type { MarshrutServer } from '../server';
import { TOKEN_PATTERN } from '../tracking/tracking-links';
import type { TelegramChannel } from './telegram-channel';

const updateSchema = z.object({
  update_id: z.number().int(),
  message: z
    .object({
      chat: z.object({ id: z.number().int() }),
      text: z.string().max(4096).optional(),
    })
    .optional(),
});

const LINKED: Record<string, string> = {
  ru: 'Готово: сообщения о заказе {n} будут приходить сюда. /stop — отписаться.',
  kk: 'Дайын: {n} тапсырысы туралы хабарламалар осында келеді. /stop — жазылымнан бас тарту.',
  en: 'Done: updates on order {n} will come here. /stop to unsubscribe.',
};

export interface TelegramWebhookCounters {
  received: number;
  unauthorized: number;
  invalid: number;
  linked: number;
  unlinked: number;
  /** `/id` asked: the chat's id sent back (staff's Telegram notifications need it). */
  idAnswered: number;
  ignored: number;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function mountTelegramWebhook(server: MarshrutServer, secret: string, bot: TelegramChannel, clock: () => number, log: Logger): TelegramWebhookCounters {
  const counters: TelegramWebhookCounters = { received: 0, unauthorized: 0, invalid: 0, linked: 0, unlinked: 0, idAnswered: 0, ignored: 0 };
  const { tables } = server.engine;
  const byToken = server.db.sqlite.prepare<[string], Record<string, unknown>>('SELECT * FROM tracking_links WHERE token = ?');
  const byChat = server.db.sqlite.prepare<[string], Record<string, unknown>>('SELECT * FROM customer_prefs WHERE telegram_chat_id = ?');

  server.addRoute({
    method: 'POST',
    path: '/telegram/webhook',
    auth: 'none',
    async handler({ req, res }) {
      counters.received++;
      const given = req.headers['x-telegram-bot-api-secret-token'];
      if (typeof given !== 'string' || !sameSecret(given, secret)) {
        counters.unauthorized++;
        return sendJson(res, 401, { error: 'unauthorized', message: 'X-Telegram-Bot-Api-Secret-Token is missing or wrong' });
      }
      const body = await readJsonBody(req, 64 * 1024);
      if (!body.ok) {
        counters.invalid++;
        return sendJson(res, body.status, { error: 'bad_request', message: body.message });
      }
      const parsed = updateSchema.safeParse(body.value);
      if (!parsed.success) {
        counters.invalid++;
        return sendJson(res, 400, { error: 'bad_request', message: 'not a Telegram update' });
      }
      const message = parsed.data.message;
      const text = message?.text?.trim() ?? '';
      const chatId = message === undefined ? '' : String(message.chat.id);
      const now = clock();
      const start = /^\/start(?:@\w+)?\s+(\S+)$/.exec(text);
      if (message !== undefined && start !== null && TOKEN_PATTERN.test(start[1] ?? '')) {
        const linkRecord = byToken.get(start[1] as string);
        const link = linkRecord === undefined ? undefined : (tables.tracking_links.codec.fromRecord(linkRecord) as TrackingLinkRow);
        const orderRecord = link === undefined ? undefined : tables.orders.getById.get(link.id);
        const order = orderRecord === undefined ? undefined : (tables.orders.codec.fromRecord(orderRecord) as OrderRow);
        if (order !== undefined && order.customerId !== null) {
          const customerId = order.customerId;
          let language = 'ru';
          server.engine.writeRows((tx) => {
            const old = tx.get('customer_prefs', customerId);
            language = old?.language ?? 'ru';
            tx.put('customer_prefs', { id: customerId, language: old?.language ?? 'ru', optOut: old?.optOut ?? false, telegramChatId: chatId, alsoNotify: old?.alsoNotify ?? [], updatedAt: now });
          });
          counters.linked++;
          void bot.call('sendMessage', { chat_id: chatId, text: (LINKED[language] ?? LINKED['ru'] ?? '').replace('{n}', order.number) }).catch((e: unknown) => log.warn({ err: e }, 'telegram reply failed'));
          return sendJson(res, 200, { ok: true });
        }
      }
      if (message !== undefined && /^\/stop(?:@\w+)?$/.test(text)) {
        const rows = byChat.all(chatId).map((r) => tables.customer_prefs.codec.fromRecord(r) as CustomerPrefsRow);
        if (rows.length > 0) {
          server.engine.writeRows((tx) => {
            for (const p of rows) tx.put('customer_prefs', { ...p, telegramChatId: null, updatedAt: now });
          });
          counters.unlinked++;
          return sendJson(res, 200, { ok: true });
        }
      }
      if (message !== undefined && /^\/id(?:@\w+)?$/.test(text)) {
        // Staff put this number in Settings → My notifications to get their alerts here.
        counters.idAnswered++;
        void bot.call('sendMessage', { chat_id: chatId, text: `Chat ID: ${chatId}` }).catch((e: unknown) => log.warn({ err: e }, 'telegram reply failed'));
        return sendJson(res, 200, { ok: true });
      }
      counters.ignored++;
      sendJson(res, 200, { ok: true });
    },
  });
  return counters;
}
