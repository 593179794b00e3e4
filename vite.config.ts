import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [
    react(),
    {
      // the host serves the hall screen at /lobby/, the assets at /assets/: its page names them from the root
      name: 'lobby-root-assets',
      transformIndexHtml: { order: 'post', handler: (html, ctx) => (ctx.filename.endsWith('lobby.html') ? html.replaceAll('"./assets/', '"/assets/') : html) },
    },
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
    // the hall screen (微心愿 大厅显示屏) is its own page: no sign-in, no antd, only the public wall
    rollupOptions: { input: { main: fileURLToPath(new URL('./renderer/index.html', import.meta.url)), lobby: fileURLToPath(new URL('./renderer/lobby.html', import.meta.url)) } },
  },
});
