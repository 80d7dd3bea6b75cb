import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress.mts';

// Scripts run from the repo root with --config, so anchor paths on this file, not on cwd.
const uiRoot = fileURLToPath(new URL('.', import.meta.url));
const apiPort = process.env.API_PORT ?? '3000';
// The console as it was before issue 15 (one bundle, nothing precompressed): the phone benchmark's baseline only.
const SINGLE_BUNDLE = process.env.DESK_CONSOLE_SINGLE_BUNDLE === '1';
const CHARTS = /node_modules[\\/](@mui[\\/]x-|d3-|internmap|flatqueue|bezier-easing)/;
// Libraries of one page only: they go with that page's lazy chunk, not into the first load.
const ONE_PAGE = /node_modules[\\/](signature_pad)[\\/]/;

export default defineConfig({
  root: uiRoot,
  base: '/',
  // Keep the dependency cache with the real node_modules, not inside admin-ui/.
  cacheDir: fileURLToPath(new URL('../node_modules/.vite', import.meta.url)),
  plugins: SINGLE_BUNDLE ? [react()] : [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than our code: separate chunks stay cached across deploys.
        codeSplitting: SINGLE_BUNDLE ? false : {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/, priority: 4 },
            { name: 'mui', test: /node_modules[\\/](@mui[\\/](?!x-)|@emotion[\\/]|@popperjs[\\/])/, priority: 3 },
            { name: 'vendor', test: (id: string) => /node_modules[\\/]/.test(id) && !CHARTS.test(id) && !ONE_PAGE.test(id), priority: 2 },
            // Charts are only for the dashboards: lowest priority, so the chunk holds nothing the rest of the console needs
            // and loads with the dashboard only.
            { name: 'charts', test: CHARTS, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${apiPort}`,
    },
  },
});
