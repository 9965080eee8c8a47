// E-mail over SMTP with nodemailer, plain text only (nothing a customer's name or an admin's
// text could turn into markup); the daily summary adds an HTML alternative its composer escapes. An SMTP 4xx is "try later", a 5xx is a refusal.
import nodemailer, { type Transporter } from 'nodemailer';
import { z } from 'zod';
import type { Channel, OutgoingMessage, SendResult } from './channel';

export const smtpSchema = z
  .object({
    host: z.string().min(1).max(255),
    port: z.number().int().min(1).max(65535).default(587),
    /** TLS from the first byte (465); otherwise STARTTLS when the server offers it. */
    secure: z.boolean().default(false),
    user: z.string().max(320).optional(),
    pass: z.string().max(1000).optional(),
    from: z.string().min(3).max(320),
    /** Only for a local test server with a self-signed certificate. */
    allowSelfSigned: z.boolean().default(false),
    timeoutMs: z.number().int().min(100).max(120_000).default(20_000),
  })
  .strict();
export type SmtpConfig = z.infer<typeof smtpSchema>;

export class SmtpChannel implements Channel {
  private readonly transport: Transporter;

  constructor(private readonly config: SmtpConfig) {
    this.transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      ...(config.user === undefined ? {} : { auth: { user: config.user, pass: config.pass ?? '' } }),
      connectionTimeout: config.timeoutMs,
      greetingTimeout: config.timeoutMs,
      socketTimeout: config.timeoutMs,
      tls: { rejectUnauthorized: !config.allowSelfSigned },
    });
  }

  async send(m: OutgoingMessage): Promise<SendResult> {
    try {
      const info = await this.transport.sendMail({
        from: this.config.from,
        to: m.to,
        subject: m.subject,
        text: m.body,
        ...(m.html === undefined ? {} : { html: m.html }),
        ...(m.headers === undefined ? {} : { headers: m.headers }),
        // The outbox id as Message-ID: a receiving server can drop a resent copy.
        messageId: `<${m.id.replace(/[^\w.-]/g, '_')}@marshrut>`,
      });
      return { outcome: 'sent', providerId: typeof info.messageId === 'string' ? info.messageId : null };
    } catch (e) {
      const err = e as { responseCode?: number; code?: string; command?: string; message?: string };
      const text = `${err.code ?? 'error'}${err.responseCode ? ` ${err.responseCode}` : ''}: ${err.message ?? String(e)}`.slice(0, 300);
      if (typeof err.responseCode === 'number') return err.responseCode >= 500 ? { outcome: 'failed', error: text } : { outcome: 'retry', error: text };
      // Lost during or after DATA: the server may have the message.
      if (err.command === 'DATA' || err.command === 'CONN_END_DATA') return { outcome: 'unknown', error: text };
      return { outcome: 'retry', error: text };
    }
  }

  close(): void {
    this.transport.close();
  }
}
