// A stand-in for the `uni` global: storage in a Map, uni.login handing out codes, and uni.request
// answered by a route function the test supplies: route({ url, method, data, header }) → { statusCode, data }
// or the string 'drop' (the connection fails: uni.request calls fail).
import { vi } from 'vitest'

export function installUni(route) {
  const storage = new Map()
  const calls = []
  let codes = 0
  const uni = {
    getStorageSync: (k) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k, v) => storage.set(k, JSON.parse(JSON.stringify(v))),
    removeStorageSync: (k) => storage.delete(k),
    login: vi.fn(({ success }) => setTimeout(() => success({ code: 'wx-code-' + ++codes }), 0)),
    request: vi.fn((opts) => {
      const path = opts.url.replace(/^https?:\/\/[^/]+/, '')
      const call = { path, method: opts.method, data: opts.data, header: { ...opts.header } }
      calls.push(call)
      setTimeout(async () => {
        const res = await route(call)
        if (res === 'drop') opts.fail({ errMsg: 'request:fail timeout' })
        else opts.success({ statusCode: res.statusCode || 200, data: res.data, header: res.header || {} })
      }, 1)
    })
  }
  globalThis.uni = uni
  return { uni, storage, calls }
}
