import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { serviceWorker } from './build/service-worker';

const pages = ['index', 'rating', 'project', 'org', 'staff', 'chat'];

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Older Android WebViews (in-app browsers that open QR codes) are common on cheap phones.
    target: ['es2020', 'chrome80', 'safari13'],
    rollupOptions: { input: Object.fromEntries(pages.map(p => [p, resolve(import.meta.dirname, `${p}.html`)])) },
  },
  plugins: [serviceWorker({ exclude: /webchat-/ })],
});
