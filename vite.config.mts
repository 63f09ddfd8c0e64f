import { defineConfig, mergeConfig } from 'vite';
import { rendererBuild } from './renderer-build.mjs';

// The dashboard's bundle for browser mode (saldo serve); electron.vite.config.mts builds the same
// renderer for the desktop window.
export default defineConfig(
  mergeConfig(rendererBuild, {
    root: 'renderer',
    build: { outDir: '../dist/renderer', emptyOutDir: true },
  }),
);
