import { defineConfig } from 'vitest/config'

// Unit tests of plain logic (src/utils, src/api): without the uni-app Vite plugin, which needs a
// page build around it. Tests that touch `uni` stub it on globalThis themselves.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.js']
  }
})
