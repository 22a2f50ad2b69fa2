// A declarative table of the API: each exported function of src/api/*.js is built by endpoint(),
// so scripts/check-contract.mjs can read (method, path, body fields) without running anything.
//
//   export const cancel = endpoint('POST', '/api/mini/tickets/{id}/cancel', { body: ['reason'] })
//   cancel(12, { reason: '已经解决了' })
//
// Path parameters come first, in order; then the body (POST/PUT) or the query (GET); then options
// for request() (e.g. { idempotencyKey }). `body` lists the fields the client may send, nested
// fields as 'preferredTime.start'; sending anything else is a programming error and throws before
// the request goes out, so what the check reads is what the client can send.
import { request } from './request'

export function endpoint(method, path, { body = null, query = null, auth = true } = {}) {
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
  const call = (...args) => {
    let url = path
    for (const name of params) {
      const value = args.shift()
      if (value === undefined || value === null || value === '') throw new Error(`${method} ${path}: missing path parameter ${name}`)
      url = url.replace(`{${name}}`, encodeURIComponent(value))
    }
    const [payload, options = {}] = args
    if (payload !== undefined && payload !== null) {
      if (method === 'GET' || method === 'DELETE') assertFields(payload, query || [], `${method} ${path} query`)
      else assertFields(payload, body || [], `${method} ${path} body`)
    }
    return request({ url, method, data: payload === null ? undefined : payload, auth, ...options })
  }
  call.endpoint = { method, path, body, query, auth }
  return call
}

function assertFields(value, allowed, where, prefix = '') {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return
  for (const key of Object.keys(value)) {
    const name = prefix + key
    const nested = allowed.filter((f) => f.startsWith(name + '.'))
    if (!allowed.includes(name) && nested.length === 0) throw new Error(`${where}: field "${name}" is not declared`)
    if (nested.length && value[key] !== null && typeof value[key] === 'object' && !Array.isArray(value[key])) {
      assertFields(value[key], allowed, where, name + '.')
    }
  }
}
