import { defineConfig } from 'vitest/config'

// Unit tests of the API layer run in Node with `uni` stubbed on globalThis (tests/uni-stub.js);
// uni's Vite plugin is for the app builds, not for these tests, so it is left out here.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.js']
  }
})
