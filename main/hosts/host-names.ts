// Which `Host` headers the browser host answers. DNS rebinding: a page on evil.example whose
// name is made to resolve to 127.0.0.1 reaches this port with `Host: evil.example:P` and is,
// to the browser, same-origin with everything we serve. So only the names this host is bound
// to (and the loopback names, which only this machine resolves) are answered; anything else
// gets 421 and nothing more, static files and /api alike.
import os from 'node:os';

function withPort(name: string, port: number): string {
  const bare = name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
  return `${bare.includes(':') ? `[${bare}]` : bare}:${port}`.toLowerCase();
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '' || host === '[::]';
}

/**
 * The accepted `Host` values for a host bound to `bindHost` on `port`: 127.0.0.1, localhost
 * and [::1] always; the bind address (or name) itself; bound to a wildcard, also every
 * interface address and this machine's hostname (the names a colleague's browser would use).
 */
export function allowedHostHeaders(bindHost: string, port: number, interfaces: () => string[] = machineNames): Set<string> {
  const names = ['127.0.0.1', 'localhost', '::1'];
  if (isWildcard(bindHost)) names.push(...interfaces());
  else names.push(bindHost);
  return new Set(names.map((n) => withPort(n, port)));
}

function machineNames(): string[] {
  const names = [os.hostname()];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) names.push(a.address.split('%')[0] ?? a.address);
  }
  return names;
}

/** `Host` header as sent (case-insensitive per RFC 9110); missing = not ours. */
export function hostAllowed(allowed: ReadonlySet<string>, header: string | undefined): boolean {
  return header !== undefined && allowed.has(header.trim().toLowerCase());
}
