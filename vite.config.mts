import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard's bundle for browser mode (saldo serve) and, later, the Electron window.
// Relative asset paths: the same files load from http://127.0.0.1 and from file:// in Electron.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    // The CSP forbids inline script and style: keep every asset a file.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 900,
  },
});
