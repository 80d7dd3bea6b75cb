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
const REACT = /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/;
const MUI = /node_modules[\\/](@mui[\\/](?!x-)|@emotion[\\/]|@popperjs[\\/])/;
const VENDOR = (id: string) => /node_modules[\\/]/.test(id) && !CHARTS.test(id) && !ONE_PAGE.test(id);

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
      // chinese-days builds its holiday tables when loaded (0.1 s at a phone's speed) and the console never
      // asks for a visit day: without a side effect it is dropped with the unused visit-date code.
      treeshake: { moduleSideEffects: (id: string) => !/node_modules[\\/]chinese-days[\\/]/.test(id) },
      output: {
        // Libraries change far less often than our code: separate chunks stay cached across deploys.
        codeSplitting: SINGLE_BUNDLE ? false : {
          groups: [
            // The first screen's share of each library ('$initial': what the entry imports statically), so its
            // evaluation is only what it shows; what only later pages use follows in the groups below.
            { name: 'react', test: REACT, priority: 7 },
            { name: 'mui', test: MUI, tags: ['$initial'], priority: 6 },
            { name: 'vendor', test: VENDOR, tags: ['$initial'], priority: 5 },
            { name: 'mui-pages', test: MUI, priority: 4 },
            { name: 'vendor-pages', test: VENDOR, priority: 3 },
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
