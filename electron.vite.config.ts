import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // Worker entries (src/main/**/*.worker.ts): the platform's worker runner starts out/main/<name>.js.
          'suggest.worker': resolve(__dirname, 'src/main/mapping/suggest.worker.ts'),
          'evaluate.worker': resolve(__dirname, 'src/main/mapping/expressions/evaluate.worker.ts'),
          'validation.worker': resolve(__dirname, 'src/main/openapi/load/validation.worker.ts'),
          'read-document.worker': resolve(__dirname, 'src/main/openapi/load/read-document.worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
