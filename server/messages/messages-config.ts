// Where messages go out: the public URL tracking links use, and the channels. Read from a
// JSON file (`--messages-config FILE`) and the environment; credentials only ever come from
// here (never from a desktop). A channel without its settings is off: nothing is queued for it.
//
// Environment (overrides the file):
//   MARSHRUT_PUBLIC_URL               https://track.example.kz (the tracking links' origin)
//   MARSHRUT_SMS_PRESET               smsc | smsru | mobizon (or a `sms.gateway` in the file)
//   MARSHRUT_SMS_URL                  replaces the preset's URL (a local stand-in in tests)
//   MARSHRUT_SMS_LOGIN, _PASSWORD, _API_KEY, _SENDER
//   MARSHRUT_SMTP_HOST, _PORT, _SECURE, _USER, _PASS, _FROM
//   MARSHRUT_TELEGRAM_TOKEN, MARSHRUT_TELEGRAM_API (default https://api.telegram.org),
//   MARSHRUT_TELEGRAM_SECRET (the webhook's secret token), MARSHRUT_TELEGRAM_BOT (bot username)
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { summarize } from '../../shared/protocol';
import { smsGatewaySchema, type SmsCredentials, type SmsGatewayConfig } from './sms-gateway';
import { smtpSchema, type SmtpConfig } from './smtp-channel';

/** Request shapes of gateways used in Kazakhstan, from their public API documentation. */
export const SMS_PRESETS: Readonly<Record<'smsc' | 'smsru' | 'mobizon', SmsGatewayConfig>> = {
  // SMSC.kz: GET send.php, fmt=3 answers JSON {"id":..,"cnt":..} or {"error":..,"error_code":..}.
  smsc: {
    method: 'GET',
    url: 'https://smsc.kz/sys/send.php',
    query: { login: '{{login}}', psw: '{{password}}', phones: '{{to}}', mes: '{{text}}', id: '{{id}}', sender: '{{sender}}', fmt: '3', charset: 'utf-8' },
    headers: {},
    okPattern: '"id"\\s*:',
    idPattern: '"id"\\s*:\\s*"?(\\d+)',
    timeoutMs: 15_000,
  },
  // SMS.ru: GET sms/send?api_id=..&to=..&msg=..&json=1 answers {"status":"OK","sms":{...{"sms_id":".."}}}.
  smsru: {
    method: 'GET',
    url: 'https://sms.ru/sms/send',
    query: { api_id: '{{apiKey}}', to: '{{toDigits}}', msg: '{{text}}', json: '1', from: '{{sender}}' },
    headers: {},
    okPattern: '"status_code"\\s*:\\s*100',
    idPattern: '"sms_id"\\s*:\\s*"([^"]+)"',
    timeoutMs: 15_000,
  },
  // Mobizon: POST form recipient/text to message/sendsmsmessage, answers {"code":0,"data":{"messageId":..}}.
  mobizon: {
    method: 'POST',
    url: 'https://api.mobizon.kz/service/message/sendsmsmessage',
    query: { output: 'json', api: 'v1', apiKey: '{{apiKey}}' },
    form: { recipient: '{{toDigits}}', text: '{{text}}', from: '{{sender}}' },
    headers: {},
    okPattern: '"code"\\s*:\\s*0\\b',
    idPattern: '"messageId"\\s*:\\s*"?(\\d+)',
    timeoutMs: 15_000,
  },
};

const fileSchema = z
  .object({
    publicUrl: z.url().optional(),
    sms: z
      .object({
        preset: z.enum(['smsc', 'smsru', 'mobizon']).optional(),
        gateway: smsGatewaySchema.optional(),
        login: z.string().optional(),
        password: z.string().optional(),
        apiKey: z.string().optional(),
        sender: z.string().optional(),
      })
      .strict()
      .optional(),
    smtp: smtpSchema.optional(),
    telegram: z
      .object({ token: z.string().min(1), apiBase: z.url().default('https://api.telegram.org'), secret: z.string().min(8).optional(), bot: z.string().optional() })
      .strict()
      .optional(),
  })
  .strict();

export interface MessagesConfig {
  publicUrl: string;
  sms: { gateway: SmsGatewayConfig; credentials: SmsCredentials } | null;
  smtp: SmtpConfig | null;
  telegram: { token: string; apiBase: string; secret: string | null; bot: string | null } | null;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the file (if any) and the environment; throws with the field named on a bad setting. */
export function loadMessagesConfig(file: string | undefined, env: Env, fallbackPublicUrl: string): MessagesConfig {
  let raw: unknown = {};
  if (file !== undefined) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    } catch (e) {
      throw new Error(`messages config ${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`messages config: ${summarize(parsed.error)}`);
  const f = parsed.data;
  const publicUrl = (env['MARSHRUT_PUBLIC_URL'] ?? f.publicUrl ?? fallbackPublicUrl).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(publicUrl)) throw new Error(`MARSHRUT_PUBLIC_URL must be an http(s) URL, got ${publicUrl}`);

  const preset = env['MARSHRUT_SMS_PRESET'] ?? f.sms?.preset;
  let gateway: SmsGatewayConfig | undefined = f.sms?.gateway;
  if (preset !== undefined) {
    if (!Object.hasOwn(SMS_PRESETS, preset)) throw new Error(`MARSHRUT_SMS_PRESET must be one of ${Object.keys(SMS_PRESETS).join(', ')}, got ${preset}`);
    gateway = SMS_PRESETS[preset as keyof typeof SMS_PRESETS];
  }
  if (gateway !== undefined && env['MARSHRUT_SMS_URL'] !== undefined) gateway = { ...gateway, url: env['MARSHRUT_SMS_URL'] };
  const credentials: SmsCredentials = {
    login: env['MARSHRUT_SMS_LOGIN'] ?? f.sms?.login,
    password: env['MARSHRUT_SMS_PASSWORD'] ?? f.sms?.password,
    apiKey: env['MARSHRUT_SMS_API_KEY'] ?? f.sms?.apiKey,
    sender: env['MARSHRUT_SMS_SENDER'] ?? f.sms?.sender,
  };

  let smtp: SmtpConfig | null = f.smtp ?? null;
  if (env['MARSHRUT_SMTP_HOST'] !== undefined) {
    const r = smtpSchema.safeParse({
      host: env['MARSHRUT_SMTP_HOST'],
      port: env['MARSHRUT_SMTP_PORT'] === undefined ? undefined : Number(env['MARSHRUT_SMTP_PORT']),
      secure: env['MARSHRUT_SMTP_SECURE'] === 'true' || env['MARSHRUT_SMTP_SECURE'] === '1',
      user: env['MARSHRUT_SMTP_USER'],
      pass: env['MARSHRUT_SMTP_PASS'],
      from: env['MARSHRUT_SMTP_FROM'],
    });
    if (!r.success) throw new Error(`MARSHRUT_SMTP_*: ${summarize(r.error)}`);
    smtp = r.data;
  }

  const token = env['MARSHRUT_TELEGRAM_TOKEN'] ?? f.telegram?.token;
  const telegram =
    token === undefined
      ? null
      : {
          token,
          apiBase: env['MARSHRUT_TELEGRAM_API'] ?? f.telegram?.apiBase ?? 'https://api.telegram.org',
          secret: env['MARSHRUT_TELEGRAM_SECRET'] ?? f.telegram?.secret ?? null,
          bot: env['MARSHRUT_TELEGRAM_BOT'] ?? f.telegram?.bot ?? null,
        };

  return { publicUrl, sms: gateway === undefined ? null : { gateway, credentials }, smtp, telegram };
}
