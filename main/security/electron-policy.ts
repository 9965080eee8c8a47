// What the Electron shell allows, as plain functions and data so they are tested in Node (the
// Electron binary is not needed to check a policy). main/electron-shell.ts only wires these in.

/**
 * The only links the console may hand to the system browser: the map's attribution links.
 * Anything else (a link in a comment, a hostile attribution, a navigation) stays closed.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['www.openstreetmap.org', 'openstreetmap.org', 'osmfoundation.org', 'leafletjs.com'];

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && EXTERNAL_LINK_HOSTS.includes(url.hostname);
}

/**
 * Chromium permissions (camera, geolocation, notifications, clipboard read, HID, ...): the
 * console needs none. Notices are shown by main (Electron's Notification), not the page.
 * Only writing to the clipboard (copy an order number) is allowed, and only for our own page.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function permissionAllowed(permission: string, requestingUrl: string, appOrigin: string): boolean {
  let origin: string;
  try {
    // Not URL.origin: it is "null" for a custom scheme such as app://.
    const url = new URL(requestingUrl);
    origin = `${url.protocol}//${url.host}`;
  } catch {
    return false;
  }
  return ALLOWED_PERMISSIONS.has(permission) && origin === appOrigin;
}

/**
 * The fuses electron-builder flips in the packaged binary (electron-builder.yml
 * `electronFuses`; the test keeps the two equal): no ELECTRON_RUN_AS_NODE, no NODE_OPTIONS,
 * no --inspect, the app only from its asar archive and that archive checked for integrity,
 * no extra file:// privileges, cookies encrypted on disk.
 */
export const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  grantFileProtocolExtraPrivileges: false,
  enableCookieEncryption: true,
} as const;
