import { defineConfig } from 'vitest/config';

// The server serves dist/ at / (the Maven build packages it under public/); `npm run dev` proxies the API
// to a server on port 8080.
export default defineConfig({
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
