// electron-vite with the card's layout: main/, preload/ and renderer/ at the top level,
// so each entry is named explicitly (the defaults look under src/).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META, DEV_CONTENT_SECURITY_POLICY, injectCspMeta } from './shared/security/content-security-policy';

/** Writes the one CSP into index.html's <meta> (the dev server's variant when serving). */
function cspMeta(): Plugin {
  return {
    name: 'marshrut-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, ctx) => injectCspMeta(html, ctx.server ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY_META),
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'main/electron-shell.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only 'electron': bundle zod and shared/api into it.
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve(__dirname, 'preload/index.ts') } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), cspMeta()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
