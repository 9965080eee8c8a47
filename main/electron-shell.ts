// The Electron shell: the ONE file of main/ that imports electron. It owns the window and
// carries the typed API over IPC; everything else (replica, sync, API) is the same code the
// browser host runs in plain Node (main/start/console-services.ts).
//
// Security: contextIsolation + sandbox on, nodeIntegration off, the one CSP on every response
// of the app:// scheme, no navigation or new windows, external links only from an allowlist,
// no Chromium permissions, IPC answered only for our own frame (policy: security/electron-policy.ts;
// fuses: electron-builder.yml).
import { createLogger } from '../platform/log/logger';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Notification, protocol, net, screen, session, shell, type IpcMainInvokeEvent } from 'electron';
import { pathToFileURL } from 'node:url';
import { METHOD_NAMES } from '../shared/api/contract';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from '../shared/security/content-security-policy';
import { isAllowedExternalUrl, permissionAllowed } from './security/electron-policy';
import type { NoticeEvent } from '../shared/api/events';
import { eventChannel, methodChannel, type Reply } from '../shared/api/wire';
import { startConsoleServices, type ConsoleServices } from './start/console-services';
import { consolePaths, replicaFileFor, userDataDir } from './start/paths';
import { DEFAULT_WINDOW, loadWindowState, saveWindowState, visibleBounds } from './start/window-state';

const SCHEME = 'app';
const ORIGIN = `${SCHEME}://console`;

/** The one policy (also the browser host's header and index.html's <meta>). */
const CSP = CONTENT_SECURITY_POLICY;
const DEV_CSP = DEV_CONTENT_SECURITY_POLICY;

protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.setPath('userData', userDataDir());
const paths = consolePaths(app.getPath('userData'));

let win: BrowserWindow | null = null;
let services: ConsoleServices | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.whenReady().then(start, (err: unknown) => fatal(err));
}

function fatal(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  const hint = /NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)
    ? '\n\nbetter-sqlite3 is built for Node, not Electron: run `npm run rebuild:electron` (and `npm rebuild better-sqlite3` before running tests again).'
    : '';
  dialog.showErrorBox('Marshrut could not start', `${message}${hint}`);
  app.exit(1);
}

const logger = createLogger();

function startServices(): ConsoleServices {
  // `npm start` passes the embedded demo server (or a one-off server) for this run only.
  const url = process.env.MARSHRUT_SERVER_URL;
  const token = process.env.MARSHRUT_SERVER_TOKEN;
  const mode = process.env.MARSHRUT_SERVER_MODE === 'embedded' ? 'embedded' : 'configured';
  const server = url && token ? { url, token, mode: mode as 'embedded' | 'configured' } : undefined;
  return startConsoleServices({
    replicaFile: server ? replicaFileFor(paths, mode === 'embedded' ? 'embedded' : server.url) : paths.replica,
    settingsFile: paths.settings,
    ...(server ? { server } : {}),
    migrationsFolder: path.join(app.getAppPath(), 'main', 'db', 'migrations'),
    systemLocale: app.getLocale(),
    logger,
  });
}

function isOwnFrame(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return event.sender === win?.webContents && (url.startsWith(`${ORIGIN}/`) || (process.env.ELECTRON_RENDERER_URL !== undefined && url.startsWith(process.env.ELECTRON_RENDERER_URL)));
}

function registerIpc(s: ConsoleServices): void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(methodChannel(name), (event, args: unknown): Promise<Reply<unknown>> | Reply<unknown> => {
      if (!isOwnFrame(event)) return { ok: false, error: { code: 'forbidden', message: 'Not the console window' } };
      return s.api.dispatch(name, args);
    });
  }
  s.api.events.onAny((event, payload) => {
    // A notice is a system notification from here and a toast in the window (the renderer).
    if (event === 'notice') showNotice(payload as NoticeEvent);
    if (win && !win.isDestroyed()) win.webContents.send(eventChannel(event), payload);
  });
}

function showNotice(n: NoticeEvent): void {
  if (!Notification.isSupported()) return;
  const note = new Notification({ title: n.title, body: n.body, urgency: n.kind === 'sla_breach' || n.kind === 'problem' ? 'critical' : 'normal' });
  note.on('click', () => {
    if (!win) return;
    win.show();
    win.focus();
    if (n.orderId !== null) services?.api.events.emit('openOrder', { orderId: n.orderId });
    else if (n.warehouseId !== null) services?.api.events.emit('openWarehouseDrivers', { warehouseId: n.warehouseId, name: n.number });
  });
  note.show();
}

function serveRenderer(): void {
  const root = path.join(__dirname, '..', 'renderer');
  protocol.handle(SCHEME, async (request) => {
    const { pathname } = new URL(request.url);
    const file = path.normalize(path.join(root, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
    if (!file.startsWith(root + path.sep)) return new Response('bad path', { status: 400 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}

function createWindow(): BrowserWindow {
  const saved = loadWindowState(paths.windowState);
  const bounds = saved ? visibleBounds(saved.bounds, screen.getAllDisplays().map((d) => d.workArea)) : null;
  const w = new BrowserWindow({
    ...(bounds ?? DEFAULT_WINDOW),
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Marshrut',
    backgroundColor: '#f4f5f7',
    webPreferences: {
      preload: path.join(__dirname, '..', 'preload', 'index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (saved?.maximized) w.maximize();
  w.once('ready-to-show', () => w.show());
  const remember = (): void => {
    if (w.isDestroyed() || w.isMinimized()) return;
    saveWindowState(paths.windowState, { bounds: w.isMaximized() ? w.getNormalBounds() : w.getBounds(), maximized: w.isMaximized() });
  };
  let timer: NodeJS.Timeout | null = null;
  const later = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(remember, 500);
  };
  w.on('resize', later);
  w.on('move', later);
  w.on('close', remember);
  // The console never navigates away or opens windows; allow-listed links (the map's
  // attribution) go to the system browser, nothing else leaves the app.
  w.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  w.webContents.on('will-navigate', (e, url) => {
    if (!url.startsWith(`${ORIGIN}/`) && !(process.env.ELECTRON_RENDERER_URL && url.startsWith(process.env.ELECTRON_RENDERER_URL))) e.preventDefault();
  });
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  void (app.isPackaged || !devUrl ? w.loadURL(`${ORIGIN}/index.html`) : w.loadURL(devUrl));
  return w;
}

async function start(): Promise<void> {
  try {
    services = startServices();
  } catch (err) {
    fatal(err);
    return;
  }
  // Chromium permissions: none but a clipboard write from our own page (electron-policy.ts).
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl, ORIGIN)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin, ORIGIN));
  session.defaultSession.setDevicePermissionHandler(() => false);
  // The dev server's pages get a CSP too (app:// pages get theirs in serveRenderer).
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    const dev = process.env.ELECTRON_RENDERER_URL !== undefined && details.url.startsWith(process.env.ELECTRON_RENDERER_URL);
    callback({ responseHeaders: dev ? { ...details.responseHeaders, 'Content-Security-Policy': [DEV_CSP] } : details.responseHeaders });
  });
  serveRenderer();
  registerIpc(services);
  win = createWindow();
  win.on('closed', () => {
    win = null;
  });
}

app.on('window-all-closed', () => app.quit());

let closing = false;
app.on('before-quit', (e) => {
  if (closing || !services) return;
  // Close the replica cleanly (WAL checkpoint) before the process goes.
  e.preventDefault();
  closing = true;
  void services.close().finally(() => app.quit());
});
