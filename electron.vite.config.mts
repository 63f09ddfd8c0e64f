import { resolve } from 'node:path';
import { defineConfig, mergeConfig } from 'electron-vite';
import { rendererBuild } from './renderer-build.mjs';

// The desktop app: out/main/index.js and out/preload/index.js (CommonJS, as the package is), and the
// dashboard in out/renderer. Built output is minified and has no source maps; `npm run dev` keeps
// main and the preload readable.
export default defineConfig(({ command }) => {
  const node = { sourcemap: false, minify: command === 'build' };
  return {
    main: {
      build: {
        ...node,
        lib: { entry: resolve('electron/main/index.ts') },
        // Pure-JS packages are bundled, so app.asar needs no node_modules for them. keytar stays a
        // real package: its native part is unpacked from the asar (electron-builder.yml).
        externalizeDeps: false,
        rolldownOptions: { external: ['keytar'] },
      },
    },
    preload: {
      build: {
        ...node,
        lib: { entry: resolve('electron/preload/index.ts') },
        // A sandboxed preload can require nothing but 'electron': the contract and zod go inside.
        externalizeDeps: false,
        rolldownOptions: { output: { codeSplitting: false } },
      },
    },
    renderer: mergeConfig(rendererBuild, {
      root: 'renderer',
      build: { rolldownOptions: { input: resolve('renderer/index.html') } },
    }),
  };
});
