import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves the build from classpath:/static (web/pom.xml copies target/dist there via the
// gateway module); `npm run dev` proxies the API to the local suite started by deploy/local/up.sh.
const suite = process.env.BAEUM_GATEWAY ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/dist',
    emptyOutDir: true,
    // no inline scripts (the CSP forbids them) and no inlined data: assets
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: suite, changeOrigin: false },
      '/media': { target: suite },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
