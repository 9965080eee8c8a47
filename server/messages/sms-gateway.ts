// SMS through an HTTP gateway whose request shape is configuration: method, URL, query or form
// or JSON fields with {{placeholders}}, and how to read the answer. Presets for SMSC.kz,
// SMS.ru and Mobizon ship in messages-config.ts; credentials come only from the server's
// environment or config file ({{login}}, {{password}}, {{apiKey}}, {{sender}}).
import { z } from 'zod';
import { retryableStatus, type Channel, type OutgoingMessage, type SendResult } from './channel';
import { httpSend } from './http-post';

const fields = z.record(z.string().max(100), z.string().max(2000));

export const smsGatewaySchema = z
  .object({
    method: z.enum(['GET', 'POST']).default('POST'),
    url: z.url(),
    query: fields.default({}),
    /** application/x-www-form-urlencoded body (POST). */
    form: fields.optional(),
    /** JSON body (POST): string values are templated. */
    json: fields.optional(),
    headers: fields.default({}),
    /** A 2xx answer must match this (regex) to count as sent, e.g. `"status"\s*:\s*"OK"`. */
    okPattern: z.string().max(500).optional(),
    /** Regex with one group: the gateway's message id in the answer. */
    idPattern: z.string().max(500).optional(),
    timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
  })
  .strict();
export type SmsGatewayConfig = z.infer<typeof smsGatewaySchema>;

export interface SmsCredentials {
  login?: string | undefined;
  password?: string | undefined;
  apiKey?: string | undefined;
  sender?: string | undefined;
}

function fill(template: string, values: ReadonlyMap<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values.get(name) ?? '');
}

export class SmsGateway implements Channel {
  private readonly ok: RegExp | null;
  private readonly id: RegExp | null;

  constructor(
    private readonly config: SmsGatewayConfig,
    private readonly credentials: SmsCredentials,
  ) {
    this.ok = config.okPattern === undefined ? null : new RegExp(config.okPattern);
    this.id = config.idPattern === undefined ? null : new RegExp(config.idPattern);
  }

  async send(m: OutgoingMessage): Promise<SendResult> {
    const values = new Map<string, string>([
      ['to', m.to.replace(/[^\d+]/g, '')],
      ['toDigits', m.to.replace(/\D/g, '')],
      ['text', m.body],
      ['id', m.id.replace(/[^\w-]/g, '').slice(-40)],
      ['login', this.credentials.login ?? ''],
      ['password', this.credentials.password ?? ''],
      ['apiKey', this.credentials.apiKey ?? ''],
      ['sender', this.credentials.sender ?? ''],
    ]);
    const url = new URL(fill(this.config.url, values));
    for (const [k, v] of Object.entries(this.config.query)) url.searchParams.set(k, fill(v, values));
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.config.headers)) headers[k] = fill(v, values);
    let body: string | null = null;
    if (this.config.method === 'POST' && this.config.json !== undefined) {
      body = JSON.stringify(Object.fromEntries(Object.entries(this.config.json).map(([k, v]) => [k, fill(v, values)])));
      headers['content-type'] ??= 'application/json';
    } else if (this.config.method === 'POST' && this.config.form !== undefined) {
      body = new URLSearchParams(Object.entries(this.config.form).map(([k, v]): [string, string] => [k, fill(v, values)])).toString();
      headers['content-type'] ??= 'application/x-www-form-urlencoded';
    }
    const r = await httpSend(this.config.method, url.toString(), headers, body, this.config.timeoutMs);
    if (!r.ok) return r.sent ? { outcome: 'unknown', error: r.error } : { outcome: 'retry', error: r.error };
    const { status, body: text } = r.answer;
    if (status < 200 || status >= 300) {
      const error = `HTTP ${status}: ${text.slice(0, 200)}`;
      return retryableStatus(status) ? { outcome: 'retry', error } : { outcome: 'failed', error };
    }
    // A 2xx with an error body ("status":"ERROR"): the gateway said it did not take it.
    if (this.ok !== null && !this.ok.test(text)) return { outcome: 'retry', error: `gateway refused: ${text.slice(0, 200)}` };
    const providerId = this.id?.exec(text)?.[1] ?? null;
    return { outcome: 'sent', providerId };
  }
}
