import react from '@vitejs/plugin-react';
import { type Plugin, type UserConfig } from 'vite';

const STRICT_STYLES = "style-src 'self'";

/**
 * The dev server (`npm run dev`) hot-reloads CSS by injecting <style> elements, which the page's
 * `style-src 'self'` blocks: there only, inline styles are allowed. Built files keep the strict CSP.
 */
function devServerStyles(): Plugin {
  return {
    name: 'saldo:dev-server-styles',
    apply: 'serve',
    transformIndexHtml(html) {
      if (!html.includes(STRICT_STYLES))
        throw new Error(`renderer/index.html: no "${STRICT_STYLES}" in its CSP`);
      return html.replace(STRICT_STYLES, `${STRICT_STYLES} 'unsafe-inline'`);
    },
  };
}

/**
 * The dashboard's build settings, shared by browser mode (vite.config.mts → dist/renderer) and the
 * desktop window (electron.vite.config.mts → out/renderer): each adds only where the files go.
 */
export const rendererBuild = {
  // Relative asset paths: the same files load from http://127.0.0.1 and from saldo://app in Electron.
  base: './',
  plugins: [react(), devServerStyles()],
  build: {
    sourcemap: false,
    minify: true,
    // The CSP forbids inline script and style: keep every asset a file.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 900,
  },
} satisfies UserConfig;
