// One HTTP request for a gateway, with a timeout, telling apart "never reached the gateway"
// (safe to retry) from "sent, no answer" (may have gone out). Node's http rather than fetch:
// fetch folds both into one TypeError.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export type HttpOutcome = { ok: true; answer: HttpAnswer } | { ok: false; sent: boolean; error: string };

const MAX_ANSWER_BYTES = 64 * 1024;

export function httpSend(method: 'GET' | 'POST', url: string, headers: Record<string, string>, body: string | null, timeoutMs: number): Promise<HttpOutcome> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ ok: false, sent: false, error: 'invalid gateway URL' });
      return;
    }
    const fn = target.protocol === 'https:' ? httpsRequest : httpRequest;
    let sent = false;
    let settled = false;
    const done = (o: HttpOutcome) => {
      if (!settled) {
        settled = true;
        resolve(o);
      }
    };
    const req = fn(target, { method, headers: body === null ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_ANSWER_BYTES) chunks.push(c);
      });
      res.on('end', () => done({ ok: true, answer: { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') } }));
      res.on('error', (e) => done({ ok: false, sent: true, error: e.message }));
    });
    req.on('timeout', () => {
      req.destroy(new Error(`no answer within ${timeoutMs} ms`));
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? '';
      // Refused / not resolved: the request never left. Otherwise it may have been received.
      const never = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code);
      done({ ok: false, sent: !never && sent, error: `${code || 'error'}: ${e.message}`.slice(0, 300) });
    });
    req.on('finish', () => {
      sent = true;
    });
    req.end(body ?? undefined);
  });
}
