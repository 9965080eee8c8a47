// The console's Content-Security-Policy, defined once: the Electron shell sends it on every
// app:// response, the browser host on every response, and the build writes the same text
// into index.html's <meta> (electron.vite.config.ts), so the three can't drift apart.
//
// Scripts only from the app itself. Map tiles may come from any http(s) tile server the user
// configures (img-src). The renderer talks to main over IPC (Electron) or to its own host's
// /api WebSocket ('self' covers ws: to the same host), never to anywhere else.
const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // Leaflet positions tiles and markers with inline styles.
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob: https: http:"],
  ['connect-src', "'self'"],
  ['font-src', "'self' data:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'none'"],
];

/** Directives a <meta> policy can't carry (browsers ignore them there, with a console error). */
const HEADER_ONLY = new Set(['frame-ancestors']);

/** Sent as the Content-Security-Policy header by the Electron shell and the browser host. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/** The same policy for index.html's <meta>: every directive a <meta> can carry, same values. */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name))
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

/**
 * electron-vite's dev server only (never built or served by a host): it injects an inline
 * React Refresh preamble and talks HMR over a WebSocket on localhost.
 */
export const DEV_CONTENT_SECURITY_POLICY = DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)).map(([name, value]) => {
  if (name === 'script-src') return `${name} ${value} 'unsafe-inline'`;
  if (name === 'connect-src') return `${name} ${value} ws://localhost:*`;
  return `${name} ${value}`;
}).join('; ');

/** Where the build writes the policy into renderer/index.html's <meta>. */
export const CSP_PLACEHOLDER = '%MARSHRUT_CSP%';

/** index.html with its <meta> policy filled in; throws if the placeholder is missing. */
export function injectCspMeta(html: string, policy: string): string {
  if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`index.html has no ${CSP_PLACEHOLDER} for the Content-Security-Policy <meta>`);
  return html.split(CSP_PLACEHOLDER).join(policy.replace(/"/g, '&quot;'));
}
