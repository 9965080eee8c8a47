// The driver's phone page (phone/ -> out/driver, served by the server at /driver). Plain
// TypeScript bundled by the same vite as the console: no framework, one library
// (signature_pad), so a phone on a weak network loads it in one small request. The service
// worker is a second entry with a fixed name (sw.js), since its URL is its identity.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: resolve(root, 'phone'),
  base: '/driver/',
  publicDir: resolve(root, 'phone/public'),
  build: {
    outDir: resolve(root, 'out/driver'),
    emptyOutDir: true,
    minify: true,
    target: 'es2022',
    rolldownOptions: {
      input: { index: resolve(root, 'phone/index.html'), sw: resolve(root, 'phone/src/sw.ts') },
      output: { entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js') },
    },
  },
});
