// jsdom lacks a few browser APIs that Element Plus touches.
import { afterEach } from 'vitest'

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
