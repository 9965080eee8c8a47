// The browser host's login. On 127.0.0.1 only this machine can reach it, so no login. Bound
// to another address, every browser must log in: HTTP Basic with the console's token as the
// password (the browser's own prompt, no app UI needed); a session cookie then carries the
// login to the WebSocket, which browsers can't give an Authorization header.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';

const COOKIE = 'marshrut_session';

export interface WebAuth {
  required: boolean;
  /** true = let through; false = the response has been answered (401). */
  check(req: http.IncomingMessage, res: http.ServerResponse | null): boolean;
  /** Set-Cookie header to add after a Basic login (else undefined). */
  sessionCookie(req: http.IncomingMessage): string | undefined;
}

function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

function cookieValue(req: http.IncomingMessage): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return null;
}

function basicPassword(req: http.IncomingMessage): string | null {
  const h = req.headers.authorization ?? '';
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(h);
  if (!m?.[1]) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0 ? null : decoded.slice(i + 1);
}

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}

export function createWebAuth(opts: { required: boolean; secret: () => string | null }): WebAuth {
  // One random session id per host run: restarting the host logs everyone out.
  const session = randomBytes(24).toString('base64url');
  const loggedIn = (req: http.IncomingMessage): boolean => {
    const c = cookieValue(req);
    if (c !== null && sameSecret(c, session)) return true;
    const pw = basicPassword(req);
    const secret = opts.secret();
    return pw !== null && secret !== null && sameSecret(pw, secret);
  };
  return {
    required: opts.required,
    check(req, res) {
      if (!opts.required || loggedIn(req)) return true;
      res
        ?.writeHead(401, { 'WWW-Authenticate': 'Basic realm="Marshrut console (password: your token)", charset="UTF-8"', 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Log in with your Marshrut token as the password.');
      return false;
    },
    sessionCookie(req) {
      if (!opts.required || basicPassword(req) === null) return undefined;
      return `${COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`;
    },
  };
}
