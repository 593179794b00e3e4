// The county web page: a second Vite entry, built into dist/county-web and served by the
// county server under /admin/ (county/routes/web-static.ts).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/county-web', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome110',
    chunkSizeWarningLimit: 3000,
    reportCompressedSize: false,
  },
});
