import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Vite rewrites import.meta.url to this file's location when it bundles the config.
const webRoot = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  // Vite 8's built-in oxc transform compiles TSX; no React plugin needed.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: `${repoRoot}dist/ops-web`,
    emptyOutDir: true,
    target: 'baseline-widely-available',
    sourcemap: true,
  },
  server: {
    port: 5173,
    // The console imports pinned contract constants from libs/contracts, outside the web root.
    fs: { allow: [repoRoot] },
    proxy: {
      // The ops backend (npm run start:ops) serves the API; the dev server proxies it, SSE included.
      '/api': { target: process.env.OPS_API_URL ?? 'http://127.0.0.1:3000' },
    },
  },
});
