/// <reference types="vitest/config" />
// The portal's build. The output in dist/ is committed and embedded in the `loket` binary,
// so the build must be reproducible: no source maps, no timestamps, content-hashed names.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const loket = process.env['LOKET_URL'] ?? 'http://127.0.0.1:8080';

/**
 * The Utrecht component library ships as one module whose components end in
 * `Component.displayName = '...'` statements. A bundler must keep a property write as a side
 * effect, so every component (200 kB) would reach the bundle although the app uses a few.
 * The names only serve React's developer tools; without them, unused components are dropped.
 */
function utrechtTreeShaking(): Plugin {
  return {
    name: 'loket:utrecht-tree-shaking',
    apply: 'build',
    transform(code, id) {
      if (!id.includes('/@utrecht/component-library-react/dist/index.mjs')) return null;
      return { code: code.replace(/^[A-Za-z_$][\w$]*\.displayName = '[^']*';$/gm, ''), map: null };
    },
  };
}

export default defineConfig({
  plugins: [react(), utrechtTreeShaking()],
  base: '/',
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    manifest: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev` next to `cargo run -p loket -- serve`: open http://localhost:5173/enschede/
    proxy: {
      '/graphql': { target: loket, ws: true },
      '/_theme': { target: loket },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.spec.{ts,tsx}'],
    css: false,
  },
});
