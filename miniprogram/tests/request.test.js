import { beforeEach, describe, expect, it } from 'vitest'
import { installUni } from './uni-stub'
import { ApiError, request, setToken, token } from '../src/api/request'

const ok = (data) => ({ statusCode: 200, data })
const expired = { statusCode: 401, data: { code: 'SESSION_EXPIRED', message: '登录已过期，请重新进入小程序' } }
let env
let tokens

/** A backend: /auth/login hands out t1, t2, …; other calls need a token it handed out last. */
function backend(extra = () => null) {
  tokens = 0
  let current = null
  return (call) => {
    if (call.path === '/api/mini/auth/login') {
      current = 't' + ++tokens
      return ok({ token: current, idleTimeoutSeconds: 259200, user: { userId: 7, roles: [] } })
    }
    const special = extra(call)
    if (special) return special
    if (call.header.Authorization !== 'Bearer ' + current) return expired
    return ok({ userId: 7, phone: '138****1234', roles: [] })
  }
}

beforeEach(() => {
  installUni(() => 'drop') // a fresh, empty storage (no token) for every test
})

describe('silent sign-in', () => {
  it('re-signs in once on SESSION_EXPIRED and retries with the fresh token; the caller only sees the answer', async () => {
    env = installUni(backend())
    setToken('stale-token')
    const me = await request({ url: '/api/mini/me' })
    expect(me.userId).toBe(7)
    expect(token()).toBe('t1')
    expect(env.calls.map((c) => c.path)).toEqual(['/api/mini/me', '/api/mini/auth/login', '/api/mini/me'])
    expect(env.calls[2].header.Authorization).toBe('Bearer t1')
  })

  it('re-signs in on SESSION_REVOKED too (a session ended on the server)', async () => {
    let revoked = true
    env = installUni(backend((call) => {
      if (call.path === '/api/mini/me' && revoked) {
        revoked = false
        return { statusCode: 401, data: { code: 'SESSION_REVOKED', message: '登录已失效，请重新进入小程序' } }
      }
      return null
    }))
    setToken('stale-token')
    expect((await request({ url: '/api/mini/me' })).userId).toBe(7)
    expect(env.calls.map((c) => c.path)).toEqual(['/api/mini/me', '/api/mini/auth/login', '/api/mini/me'])
  })

  it('does not loop: a second SESSION_EXPIRED after the re-login is an error', async () => {
    env = installUni(backend((call) => (call.path === '/api/mini/me' ? expired : null)))
    setToken('stale-token')
    await expect(request({ url: '/api/mini/me' })).rejects.toMatchObject({ code: 'SESSION_EXPIRED' })
    expect(env.calls.filter((c) => c.path === '/api/mini/auth/login')).toHaveLength(1)
  })

  it('signs in once for calls made together before any token exists', async () => {
    env = installUni(backend())
    const answers = await Promise.all([1, 2, 3, 4].map(() => request({ url: '/api/mini/me' })))
    expect(answers).toHaveLength(4)
    expect(env.calls.filter((c) => c.path === '/api/mini/auth/login')).toHaveLength(1)
    expect(env.uni.login).toHaveBeenCalledTimes(1)
  })

  it('re-signs in once for calls that expire together', async () => {
    env = installUni(backend())
    setToken('stale-token')
    await Promise.all([1, 2, 3].map(() => request({ url: '/api/mini/me' })))
    expect(env.calls.filter((c) => c.path === '/api/mini/auth/login')).toHaveLength(1)
    expect(token()).toBe('t1')
  })

  it('sends no token and never signs in for calls marked auth: false', async () => {
    env = installUni(() => ok([{ templateId: 'T1', purpose: '求助进度通知' }]))
    await request({ url: '/api/mini/subscriptions/templates', auth: false })
    expect(env.calls).toHaveLength(1)
    expect(env.calls[0].header.Authorization).toBeUndefined()
  })
})

describe('errors', () => {
  it("carries the server's message as it is, with its code and field errors", async () => {
    const body = {
      code: 'NO_REGISTRATION_FOR_PHONE',
      message: '这个手机号没有登记为医护人员或家属，请联系所在区团委获取邀请码',
      traceId: 'abc123',
      fieldErrors: []
    }
    env = installUni(backend((call) => (call.path === '/api/mini/me/phone' ? { statusCode: 422, data: body } : null)))
    const error = await request({ url: '/api/mini/me/phone', method: 'POST', data: { code: 'x' } }).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.message).toBe(body.message)
    expect(error.code).toBe('NO_REGISTRATION_FOR_PHONE')
    expect(error.traceId).toBe('abc123')
    expect(error.retryable).toBe(false)
  })

  it('turns a dropped connection into a retryable network error with a message for the user', async () => {
    env = installUni(backend((call) => (call.path === '/api/mini/tickets' ? 'drop' : null)))
    const error = await request({ url: '/api/mini/tickets' }).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.code).toBe('NETWORK')
    expect(error.retryable).toBe(true)
    expect(error.message).toBe('网络不给力，请检查网络后重试')
  })

  it("shows a throttled write's Chinese message with its wait, and offers no immediate retry", async () => {
    const body = { code: 'WRITES_THROTTLED', message: '提交求助太频繁了，请 8 分钟后再试', traceId: 't429', fieldErrors: [] }
    env = installUni(backend((call) => (call.path === '/api/mini/tickets'
      ? { statusCode: 429, data: body, header: { 'Retry-After': '471' } } : null)))
    const error = await request({ url: '/api/mini/tickets', method: 'POST', data: {}, idempotencyKey: 'k-1' }).catch((e) => e)
    expect(error.code).toBe('WRITES_THROTTLED')
    expect(error.message).toBe('提交求助太频繁了，请 8 分钟后再试')
    expect(error.retryAfter).toBe(471)
    expect(error.throttled).toBe(true)
    expect(error.retryable).toBe(false)
    expect(env.calls.filter((c) => c.path === '/api/mini/tickets')).toHaveLength(1)
  })

  it('gives a Chinese message when an outage answers without the error body', async () => {
    env = installUni(backend((call) => (call.path === '/api/mini/tickets' ? { statusCode: 503, data: '<html>' } : null)))
    const error = await request({ url: '/api/mini/tickets' }).catch((e) => e)
    expect(error.message).toBe('服务暂时不可用，请稍后重试')
    expect(error.retryable).toBe(true)
  })
})
