// Real local stand-ins for the outside world of messages: an SMS gateway speaking SMSC.kz's
// format, the Telegram Bot API, and an SMTP server (the smtp-server package). Each records
// what it received and can be told to fail, hang or refuse, so the channels are tested over
// real sockets against answers shaped like the providers' own.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type StandInMode = 'ok' | 'fail503' | 'error-body' | 'hang' | 'reject400';

export interface HttpStandIn {
  url: string;
  requests: Array<{ method: string; url: URL; body: string }>;
  mode: StandInMode;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse, body: string, self: HttpStandIn) => void): Promise<HttpStandIn> {
  const hanging: ServerResponse[] = [];
  const self: HttpStandIn = { url: '', requests: [], mode: 'ok', close: async () => undefined };
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      self.requests.push({ method: req.method ?? '', url: new URL(req.url ?? '/', 'http://stand-in'), body });
      if (self.mode === 'hang') {
        hanging.push(res);
        return;
      }
      handler(req, res, body, self);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  self.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  self.close = async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  return self;
}

/** SMSC.kz's send.php with fmt=3: {"id":N,"cnt":1} or {"error":"...","error_code":N}. */
export function startSmsStandIn(): Promise<HttpStandIn> {
  let n = 1000;
  return listen((_req, res, _body, self) => {
    res.setHeader('content-type', 'application/json');
    if (self.mode === 'fail503') {
      res.writeHead(503).end('{"error":"service unavailable"}');
    } else if (self.mode === 'error-body') {
      res.writeHead(200).end('{"error":"not enough money","error_code":3}');
    } else if (self.mode === 'reject400') {
      res.writeHead(400).end('{"error":"invalid phone","error_code":7}');
    } else {
      res.writeHead(200).end(JSON.stringify({ id: ++n, cnt: 1 }));
    }
  });
}

/** Telegram's Bot API: POST /bot<token>/sendMessage answers {"ok":true,"result":{"message_id":N}}. */
export function startTelegramStandIn(token: string): Promise<HttpStandIn> {
  let n = 0;
  return listen((req, res, body, self) => {
    res.setHeader('content-type', 'application/json');
    if (!(req.url ?? '').startsWith(`/bot${token}/`)) {
      res.writeHead(401).end('{"ok":false,"error_code":401,"description":"Unauthorized"}');
      return;
    }
    if (self.mode === 'fail503') {
      res.writeHead(502).end('{"ok":false,"error_code":502,"description":"Bad Gateway"}');
      return;
    }
    if (self.mode === 'reject400') {
      res.writeHead(403).end('{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}');
      return;
    }
    const payload = JSON.parse(body) as { chat_id?: unknown };
    res.writeHead(200).end(JSON.stringify({ ok: true, result: { message_id: ++n, chat: { id: payload.chat_id } } }));
  });
}

export interface SmtpStandIn {
  port: number;
  mails: Array<{ from: string; to: string[]; raw: string }>;
  /** Answer the next DATA with a 451 (temporary) or 550 (permanent). */
  failNext: 451 | 550 | null;
  close(): Promise<void>;
}

/** A local SMTP server; `port` 0 picks a free one (a test that takes the SMTP server down and up again passes the old port). */
export async function startSmtpStandIn(port = 0): Promise<SmtpStandIn> {
  const self: SmtpStandIn = { port: 0, mails: [], failNext: null, close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (self.failNext !== null) {
          const code = self.failNext;
          self.failNext = null;
          const err = new Error(code === 451 ? 'Try again later' : 'Mailbox unavailable') as Error & { responseCode: number };
          err.responseCode = code;
          callback(err);
          return;
        }
        self.mails.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  self.port = (server.server.address() as AddressInfo).port;
  self.close = () => new Promise<void>((r) => server.close(() => r()));
  return self;
}
