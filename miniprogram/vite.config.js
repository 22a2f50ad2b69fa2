import { defineConfig } from 'vite'
import uni from '@dcloudio/vite-plugin-uni'

// One source, two builds: `uni build` (h5, served by the backend at /m/) and `uni build -p mp-weixin`.
// In `npm run dev:h5` the API is proxied to a locally running backend. Tests: vitest.config.js.
export default defineConfig({
  plugins: [uni()],
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/embedded': 'http://localhost:8080'
    }
  }
})
