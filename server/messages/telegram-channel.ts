// Telegram Bot API: sendMessage to a chat that started the bot (plain text, no parse_mode).
// The base URL is configuration so tests point it at a local stand-in. 429 and 5xx are
// retried; 400/403 (chat not found, bot blocked by the user) are final.
import { retryableStatus, type Channel, type OutgoingMessage, type SendResult } from './channel';
import { httpSend } from './http-post';

export interface TelegramConfig {
  /** Default https://api.telegram.org. */
  apiBase: string;
  token: string;
  timeoutMs?: number;
}

export class TelegramChannel implements Channel {
  constructor(private readonly config: TelegramConfig) {}

  async send(m: OutgoingMessage): Promise<SendResult> {
    return this.call('sendMessage', { chat_id: m.to, text: m.body, disable_web_page_preview: true });
  }

  async call(method: string, payload: Record<string, unknown>): Promise<SendResult> {
    const url = `${this.config.apiBase.replace(/\/+$/, '')}/bot${this.config.token}/${method}`;
    const r = await httpSend('POST', url, { 'content-type': 'application/json' }, JSON.stringify(payload), this.config.timeoutMs ?? 15_000);
    if (!r.ok) return r.sent ? { outcome: 'unknown', error: r.error } : { outcome: 'retry', error: r.error };
    let answer: { ok?: unknown; description?: unknown; result?: { message_id?: unknown } } = {};
    try {
      answer = JSON.parse(r.answer.body) as typeof answer;
    } catch {
      // not JSON: judged by the status alone
    }
    if (r.answer.status === 200 && answer.ok === true) {
      const id = answer.result?.message_id;
      return { outcome: 'sent', providerId: typeof id === 'number' || typeof id === 'string' ? String(id) : null };
    }
    const error = `HTTP ${r.answer.status}: ${typeof answer.description === 'string' ? answer.description : r.answer.body.slice(0, 200)}`;
    return retryableStatus(r.answer.status) ? { outcome: 'retry', error } : { outcome: 'failed', error };
  }
}
