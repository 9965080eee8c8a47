// The browser host's credentials. Two layers:
// - A per-run secret, always (loopback too): the page this host serves sets it as an HttpOnly,
//   SameSite=Strict cookie, and the /api upgrade needs it. Another page on this machine (another
//   site open in the browser, a local dev server) can't read it, and the browser never attaches
//   it to a cross-site request, so only the page we served can drive the console.
// - Bound beyond loopback, a login first: HTTP Basic with the console's token as the password
//   (the browser's own prompt, no app UI needed); the page then gets the cookie as above.
// The cookie's name carries the port: cookies are per host name, not per port, and two
// consoles on 127.0.0.1 must not overwrite each other's secret.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';

export interface WebAuth {
  loginRequired: boolean;
  /** Pages: true = let through; false = the response has been answered (401). */
  checkPage(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  /** The /api upgrade: the per-run cookie, nothing else. */
  checkSocket(req: http.IncomingMessage): boolean;
  /** The Set-Cookie header for a page that passed checkPage. */
  pageCookie(): string;
}

function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

function cookieValue(req: http.IncomingMessage, name: string): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
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

export function sessionCookieName(port: number): string {
  return `marshrut_host_${port}`;
}

export function createWebAuth(opts: { loginRequired: boolean; secret: () => string | null; cookieName: () => string }): WebAuth {
  // One random secret per host run: restarting the host ends every browser's session.
  const session = randomBytes(32).toString('base64url');
  const hasCookie = (req: http.IncomingMessage): boolean => {
    const c = cookieValue(req, opts.cookieName());
    return c !== null && sameSecret(c, session);
  };
  const loggedIn = (req: http.IncomingMessage): boolean => {
    if (hasCookie(req)) return true;
    const pw = basicPassword(req);
    const secret = opts.secret();
    return pw !== null && secret !== null && sameSecret(pw, secret);
  };
  return {
    loginRequired: opts.loginRequired,
    checkPage(req, res) {
      if (!opts.loginRequired || loggedIn(req)) return true;
      res
        .writeHead(401, { 'WWW-Authenticate': 'Basic realm="Marshrut console (password: your token)", charset="UTF-8"', 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Log in with your Marshrut token as the password.');
      return false;
    },
    checkSocket: hasCookie,
    pageCookie: () => `${opts.cookieName()}=${session}; HttpOnly; SameSite=Strict; Path=/`,
  };
}
