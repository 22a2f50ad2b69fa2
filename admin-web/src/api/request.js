// The one HTTP client of the admin web.
//
// - Success: resolves with the response body (the backend sends the resource itself, no envelope).
// - Failure: rejects with an ApiError built from the backend's error body
//   {code, message, traceId, fieldErrors}, or with a Chinese fallback when there is no such body
//   (network down, timeout, proxy error). The message is shown to the user unless the request
//   says `silent: true`.
// - 401 (SESSION_EXPIRED, UNAUTHENTICATED, …): the session is dropped and the app goes to login.
// - 403 PASSWORD_CHANGE_REQUIRED: the app goes to the change-password page.
// - Files (Excel) come through `download`: fetched as a blob with the Bearer header, then saved
//   under the name the server gave; an error body of a blob request is read as JSON like any other.
//
// The wrapper knows nothing about the router or the store: `bindSession` wires them in (main.js).
import axios from 'axios'
import { ElMessage } from 'element-plus'
import { filenameFromDisposition, saveBlob } from '@/utils/download'

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络或稍后重试'
export const TIMEOUT_MESSAGE = '请求超时，请稍后重试'

const STATUS_MESSAGES = {
  400: '请求有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '没有权限执行此操作',
  404: '请求的内容不存在',
  409: '数据已被他人修改，请刷新后重试',
  413: '提交的内容过大',
  429: '操作过于频繁，请稍后再试',
  500: '服务器出错了，请稍后重试',
  502: '服务暂时不可用，请稍后重试',
  503: '服务暂时不可用，请稍后重试',
  504: '服务响应超时，请稍后重试',
}

/** A failed API call, as the backend described it. */
export class ApiError extends Error {
  constructor({ status = 0, code = 'UNKNOWN', message, traceId = null, fieldErrors = [] }) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.traceId = traceId
    this.fieldErrors = Array.isArray(fieldErrors) ? fieldErrors : []
  }

  /** The message for one form field, or undefined. */
  fieldMessage(field) {
    return this.fieldErrors.find((e) => e.field === field)?.message
  }
}

function isErrorBody(data) {
  return data !== null && typeof data === 'object' && typeof data.code === 'string' && typeof data.message === 'string'
}

/** Turns whatever axios rejected with into an ApiError. */
export function toApiError(error) {
  if (error instanceof ApiError) return error
  if (axios.isCancel(error)) {
    return new ApiError({ code: 'CANCELED', message: '请求已取消' })
  }
  const response = error?.response
  if (!response) {
    const timedOut = error?.code === 'ECONNABORTED' || error?.code === 'ETIMEDOUT'
    return new ApiError({
      code: timedOut ? 'TIMEOUT' : 'NETWORK_ERROR',
      message: timedOut ? TIMEOUT_MESSAGE : NETWORK_ERROR_MESSAGE,
    })
  }
  const { status, data, headers } = response
  const traceId = (isErrorBody(data) && data.traceId) || headers?.['x-trace-id'] || null
  if (isErrorBody(data)) {
    return new ApiError({ status, code: data.code, message: data.message, traceId, fieldErrors: data.fieldErrors })
  }
  return new ApiError({
    status,
    code: `HTTP_${status}`,
    message: STATUS_MESSAGES[status] || `请求失败（${status}），请稍后重试`,
    traceId,
  })
}

const handlers = {
  getToken: () => null,
  // (apiError, requestConfig) => void: the session is dead
  onUnauthenticated: () => {},
  // (apiError, requestConfig) => false when the app already knew (then no second message)
  onPasswordChangeRequired: () => {},
  notify: (message) => ElMessage({ type: 'error', message, grouping: true, showClose: true }),
}

/** Replaces some of the wrapper's hooks (tests and main.js). */
export function configureRequest(overrides) {
  Object.assign(handlers, overrides)
}

function dropEmptyParams(params) {
  if (!params || typeof params !== 'object') return params
  return Object.fromEntries(
    Object.entries(params).filter(([, v]) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '')),
  )
}

export const http = axios.create({
  baseURL: '/api/admin',
  timeout: 15000,
  headers: { Accept: 'application/json' },
})

http.interceptors.request.use((config) => {
  const token = handlers.getToken()
  if (token && !config.skipAuth) {
    config.headers.Authorization = `Bearer ${token}`
  }
  config.params = dropEmptyParams(config.params)
  return config
})

/** A blob request that failed carries the JSON error body as a Blob: read it back into an object. */
async function readBlobErrorBody(error) {
  const response = error?.response
  if (typeof Blob === 'undefined' || !(response?.data instanceof Blob)) return
  try {
    response.data = JSON.parse(await response.data.text())
  } catch {
    response.data = null // not JSON: the status fallback message applies
  }
}

http.interceptors.response.use(
  // `keepResponse` (downloads) needs the headers too
  (response) => (response.config?.keepResponse ? response : response.status === 204 ? null : response.data),
  async (error) => {
    await readBlobErrorBody(error)
    const apiError = toApiError(error)
    const config = error?.config || {}
    if (apiError.code === 'CANCELED') throw apiError

    // Sign-in answers 401 for a wrong password: that is the login form's business, not a dead session.
    if (apiError.status === 401 && !config.skipAuth) {
      const hadSession = Boolean(handlers.getToken())
      if (hadSession) {
        // first of possibly several parallel failures: drop the session and say why, once
        handlers.onUnauthenticated(apiError, config)
        handlers.notify(apiError.message)
      }
      throw apiError
    }

    if (apiError.status === 403 && apiError.code === 'PASSWORD_CHANGE_REQUIRED') {
      const firstTime = handlers.onPasswordChangeRequired(apiError, config) !== false
      if (firstTime) handlers.notify(apiError.message)
      throw apiError
    }

    if (!config.silent) handlers.notify(apiError.message)
    throw apiError
  },
)

/**
 * Downloads a file through the client (so the Bearer header goes along) and saves it under the name
 * from Content-Disposition, else `fallbackName`. Resolves with the saved file name.
 * `config` takes the usual extras (params, silent, timeout).
 */
export async function download(url, fallbackName, config = {}) {
  // `method: 'post'` with `data` for downloads that need a body (the clear export's reason)
  const response = await http.request({ method: 'get', timeout: 60000, ...config, url, responseType: 'blob', keepResponse: true })
  const filename = filenameFromDisposition(response.headers?.['content-disposition']) || fallbackName
  saveBlob(response.data, filename)
  return filename
}

/**
 * Wires the wrapper to the session store and the router: the token comes from the store, a dead
 * session goes back to login (remembering where the user was), a forced password change goes to
 * the change-password page.
 */
export function bindSession({ session, router }) {
  configureRequest({
    getToken: () => session.token,
    onUnauthenticated: (apiError, config) => {
      session.clear()
      if (config.skipAuthRedirect) return
      const current = router.currentRoute.value
      if (current.name !== 'login') {
        router.replace({ name: 'login', query: current.fullPath !== '/' ? { redirect: current.fullPath } : {} })
      }
    },
    onPasswordChangeRequired: () => {
      const known = session.staff?.mustChangePassword === true
      session.markMustChangePassword()
      if (router.currentRoute.value.name !== 'change-password') {
        router.replace({ name: 'change-password' })
      }
      return known ? false : undefined
    },
  })
}
