import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * In dev, the web app and the API live on different ports; the proxy puts them on one origin so
 * the code never needs to know (the built app is served by the server itself).
 * @default port 8787, overridden by ACCORD_DEV_API_PORT
 */
const apiPort = process.env.ACCORD_DEV_API_PORT ?? '8787';
const apiTarget = `http://127.0.0.1:${apiPort}`;

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/sync': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
  preview: {
    host: '127.0.0.1',
  },
});
