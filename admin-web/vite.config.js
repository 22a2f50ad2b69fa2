import { defineConfig, loadEnv } from 'vite'
import vue from '@vitejs/plugin-vue'

// The backend serves the build at /admin; in development /api goes to the backend
// (VITE_API_TARGET, default http://127.0.0.1:8080).
export default defineConfig(({ mode }) => {
  const env = { ...loadEnv(mode, process.cwd(), 'VITE_'), ...process.env }
  const apiTarget = env.VITE_API_TARGET || 'http://127.0.0.1:8080'
  return {
    base: '/admin/',
    plugins: [vue()],
    resolve: {
      alias: { '@': new URL('./src', import.meta.url).pathname },
    },
    server: {
      port: 5173,
      proxy: {
        '/api': { target: apiTarget, changeOrigin: false },
      },
    },
    build: {
      outDir: 'dist',
      // Element Plus and ECharts are large but change rarely: keep them in their own cached chunks.
      chunkSizeWarningLimit: 1200,
      rolldownOptions: {
        output: {
          advancedChunks: {
            groups: [
              { name: 'element-plus', test: /node_modules[\\/](element-plus|@element-plus)/ },
              { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
              { name: 'vendor', test: /node_modules[\\/]/ },
            ],
          },
        },
      },
    },
    test: {
      environment: 'jsdom',
      include: ['tests/**/*.test.js'],
      setupFiles: ['tests/setup.js'],
      restoreMocks: true,
      // Let Vite transform Element Plus: under plain Node its `async-validator` import resolves to the
      // CommonJS build, and form validation then silently passes everything.
      server: { deps: { inline: ['element-plus'] } },
    },
  }
})
