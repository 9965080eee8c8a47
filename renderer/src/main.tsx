// Renderer entry. client.ts picks the Electron preload or the browser host. `?fake` runs on the
// in-memory fake API instead, only in `vite` dev or a build made with VITE_FAKE_PREVIEW=1
// (screenshots before a host exists): production bundles don't contain the fake at all.
import 'leaflet/dist/leaflet.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installApi } from './api/client';
import { App } from './app/App';
import { startConsole } from './app/bootstrap';

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  if ((import.meta.env.DEV || import.meta.env.VITE_FAKE_PREVIEW === '1') && params.has('fake')) {
    const { startFakePreview } = await import('./testing/fake-preview');
    installApi(startFakePreview(params));
  }
  startConsole();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void main();
