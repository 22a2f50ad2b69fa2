// The one request wrapper over uni.request: base URL, bearer token, silent re-login on
// SESSION_EXPIRED, an Idempotency-Key per draft, and errors carrying the server's Chinese message.
import { apiBase, loginCode } from './platform'

const TOKEN_KEY = 'qn.token'
const DEMO_USER_KEY = 'qn.demoUser'

export class ApiError extends Error {
  constructor({ status = 0, code = 'NETWORK', message = '网络不给力，请检查网络后重试', fieldErrors = [], traceId, retryAfter = null } = {}) {
    super(message)
    this.status = status
    this.code = code
    this.fieldErrors = fieldErrors
    this.traceId = traceId
    /** Seconds to wait (429's Retry-After), or null. */
    this.retryAfter = retryAfter
  }

  /** A network failure or an outage: the user may simply try again. */
  get retryable() {
    return this.status === 0 || this.status === 503
  }

  /**
   * Too many of these calls (429: WRITES_THROTTLED, a day's limit reached): the message says how long to wait;
   * an immediate retry would be refused again, so no 重试 is offered.
   */
  get throttled() {
    return this.status === 429
  }
}

function retryAfterOf(res) {
  const headers = res.header || res.headers || {}
  const value = headers['Retry-After'] ?? headers['retry-after']
  const seconds = Number.parseInt(value, 10)
  return Number.isFinite(seconds) ? seconds : null
}

export function token() {
  return uni.getStorageSync(TOKEN_KEY) || ''
}

export function setToken(value) {
  if (value) uni.setStorageSync(TOKEN_KEY, value)
  else uni.removeStorageSync(TOKEN_KEY)
}

/** The demo user picked on H5 (embedded default only): { role, subjectId }. */
export function demoUser() {
  return uni.getStorageSync(DEMO_USER_KEY) || null
}

export function setDemoUser(value) {
  if (value) uni.setStorageSync(DEMO_USER_KEY, value)
  else uni.removeStorageSync(DEMO_USER_KEY)
}

function send({ url, method = 'GET', data, headers = {} }) {
  return new Promise((resolve, reject) => {
    uni.request({
      url: apiBase() + url,
      method,
      data,
      header: { 'Content-Type': 'application/json', ...headers },
      timeout: 15000,
      success: (res) => resolve(res),
      fail: () => reject(new ApiError())
    })
  })
}

function toError(res) {
  const body = res.data && typeof res.data === 'object' ? res.data : {}
  return new ApiError({
    status: res.statusCode,
    code: body.code || 'HTTP_' + res.statusCode,
    message: body.message || (res.statusCode >= 500 ? '服务暂时不可用，请稍后重试'
      : res.statusCode === 429 ? '操作太频繁，请稍后再试' : '请求未成功，请稍后重试'),
    fieldErrors: body.fieldErrors || [],
    traceId: body.traceId,
    retryAfter: res.statusCode === 429 ? retryAfterOf(res) : null
  })
}

let signingIn = null
// a session ended on the server (signed out elsewhere, an unbinding) is replaced silently like an expired one
const RELOGIN_CODES = ['SESSION_EXPIRED', 'SESSION_REVOKED', 'UNAUTHENTICATED']

/** Signs in silently: wx.login on mp-weixin, the picked demo user on H5. One sign-in at a time. */
export function signIn() {
  if (!signingIn) {
    signingIn = (async () => {
      const code = await loginCode()
      let res
      if (code) {
        res = await send({ url: '/api/mini/auth/login', method: 'POST', data: { code } })
      } else {
        const demo = demoUser()
        if (!demo) throw new ApiError({ status: 401, code: 'DEMO_USER_NEEDED', message: '请先选择一个演示身份' })
        res = await send({ url: '/api/mini/auth/dev-login', method: 'POST', data: demo })
      }
      if (res.statusCode >= 400) throw toError(res)
      setToken(res.data.token)
      return res.data
    })().finally(() => {
      signingIn = null
    })
  }
  return signingIn
}

/**
 * Calls the API. Options: url, method, data, idempotencyKey (send the same key on every retry of
 * one draft), auth (default true). Resolves to the body; rejects with an ApiError.
 */
export async function request({ url, method = 'GET', data, idempotencyKey, auth = true }) {
  let used = ''
  const attempt = async () => {
    const headers = {}
    if (auth) {
      if (!token()) await signIn()
      used = token()
      headers.Authorization = 'Bearer ' + used
    }
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey
    return send({ url, method, data, headers })
  }
  let res = await attempt()
  if (auth && res.statusCode === 401 && res.data && RELOGIN_CODES.includes(res.data.code)) {
    // Silent re-login, once: calls that failed together share one sign-in, and a call whose token
    // was already replaced by another call's sign-in just retries with the new one.
    if (token() === used) {
      setToken(null)
      await signIn()
    }
    res = await attempt()
  }
  if (res.statusCode >= 400) throw toError(res)
  return res.data
}

export const get = (url, data) => request({ url, data })
export const post = (url, data, options = {}) => request({ url, method: 'POST', data, ...options })
export const put = (url, data, options = {}) => request({ url, method: 'PUT', data, ...options })
export const del = (url, options = {}) => request({ url, method: 'DELETE', ...options })
