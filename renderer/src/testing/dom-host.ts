// A React root on a fresh element of happy-dom's document, for render tests: mount in
// beforeEach, `unmount()` in afterEach (unmounts inside act and removes the element).
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';

export interface DomHost {
  host: HTMLElement;
  root: Root;
  unmount(): void;
}

export function mountHost(): DomHost {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const root = createRoot(host);
  return {
    host,
    root,
    unmount() {
      act(() => root.unmount());
      host.remove();
    },
  };
}
