// One channel a message goes out on (SMS gateway, SMTP, Telegram). What an attempt can end in
// decides retries: a gateway that answered "not taken" (5xx, 429, an error body) is retried;
// one that refused for good (bad number, blocked bot) is not; and an attempt whose request
// may have reached the gateway without an answer (a timeout after sending) is `unknown`:
// never retried, because the customer must not get the message twice.
export interface OutgoingMessage {
  /** The outbox id: passed to gateways that deduplicate on a client id. */
  id: string;
  to: string;
  subject: string;
  body: string;
  /** An HTML alternative to `body` (e-mail only; the daily summary's tables). Built escaped by its composer. */
  html?: string;
  /** Extra e-mail headers (List-Unsubscribe on customer e-mails). */
  headers?: Record<string, string>;
}

export type SendResult =
  | { outcome: 'sent'; providerId: string | null }
  | { outcome: 'retry'; error: string }
  | { outcome: 'failed'; error: string }
  | { outcome: 'unknown'; error: string };

export interface Channel {
  send(message: OutgoingMessage): Promise<SendResult>;
  close?(): void;
}

/** Status codes that mean "not taken now, try later". */
export function retryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}
