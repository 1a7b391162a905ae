// electron-vite: the main process (ESM, deps external), the preload (one CommonJS file with its deps
// bundled in: a sandboxed preload can't require packages) and the renderer (React, served from app://).
// `rendererConfig` is exported so the e2e setup builds the very same renderer with vite's build().
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { UserConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));
const at = (...parts: string[]) => path.join(root, ...parts);

export const rendererConfig: UserConfig = {
  root: at('renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: at('out/renderer'),
    emptyOutDir: true,
    rollupOptions: { input: at('renderer/index.html') },
    // Inline assets would need data: in more CSP directives; small files stay files.
    assetsInlineLimit: 0,
    target: 'chrome120',
  },
};

export default defineConfig({
  main: {
    build: {
      outDir: at('out/main'),
      rollupOptions: { input: { index: at('main/electron/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: at('main/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: rendererConfig,
});
