// The preload: ONE object, `window.marshrut`, built from the contract (shared/api). It exposes
// named methods and `on(event)`, never ipcRenderer itself. Bundled whole (no external deps)
// because a sandboxed preload can require only 'electron'.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApiClient } from '../shared/api/client';
import type { MarshrutApi } from '../shared/api/contract';
import type { Reply } from '../shared/api/wire';
import { eventChannel, methodChannel } from '../shared/api/wire';

const api = buildApiClient({
  call: (method, args) => ipcRenderer.invoke(methodChannel(method), args) as Promise<Reply<unknown>>,
  subscribe(event, listener) {
    const handler = (_e: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(eventChannel(event), handler);
    return () => void ipcRenderer.removeListener(eventChannel(event), handler);
  },
}) satisfies MarshrutApi;

contextBridge.exposeInMainWorld('marshrut', api);
