// The driver's phone page (issue 18): plain TypeScript, one small library (signature_pad).
import './styles.css';
import { DriverApp } from './app';
import { openDb } from './idb';
import { render } from './view';

async function boot(): Promise<void> {
  const root = document.getElementById('app');
  if (root === null) throw new Error('no #app');
  const sheet = document.createElement('div');
  sheet.id = 'sheet';
  document.body.append(sheet);
  const app = new DriverApp(await openDb());
  document.documentElement.lang = app.state.w.lang;
  app.onChange(() => render(root, app));
  render(root, app);
  if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/driver/sw.js', { scope: '/driver/' }).catch(() => undefined);
  await app.start();
}

void boot();
