// jsdom lacks a few browser APIs that Element Plus touches.
import { afterEach, vi } from 'vitest'

// Mounting Element Plus pages in jsdom takes a few seconds per test when every worker is busy (and
// the backend build may be running on the same machine): 5 s made the slower page tests flaky.
vi.setConfig({ testTimeout: 20_000 })
// …and vi.waitFor's own 1 s default is too short for the same reason: a slow render is not a failure
const waitForWithin1s = vi.waitFor
vi.waitFor = (callback, options) =>
  waitForWithin1s(callback, { timeout: 10_000, ...(typeof options === 'number' ? { timeout: options } : options) })

// async-validator (Element Plus forms) logs every failed rule in development builds
globalThis.ASYNC_VALIDATOR_NO_WARNING = true

if (!window.matchMedia) {
  window.matchMedia = (query) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener() {},
    removeEventListener() {},
    addListener() {},
    removeListener() {},
    dispatchEvent: () => false,
  })
}
if (!window.ResizeObserver) {
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
}

afterEach(() => {
  localStorage.clear()
})
