import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { ElMessage } from 'element-plus'
import { AxiosError } from 'axios'
import { ApiError, bindSession, http, NETWORK_ERROR_MESSAGE, TIMEOUT_MESSAGE } from '@/api/request'
import { listStaff } from '@/api/staff'
import { login } from '@/api/auth'
import { getOrgTree } from '@/api/orgs'
import { TOKEN_KEY, useSessionStore } from '@/stores/session'
import { apiError, fakeBackend, makeRouter, settle, staffView, toastTexts } from './helpers'

let session
let router

async function signedInAt(path, staff = staffView()) {
  session.token = 'tok-123'
  localStorage.setItem(TOKEN_KEY, 'tok-123')
  session.staff = staff
  await router.push(path)
}

beforeEach(async () => {
  setActivePinia(createPinia())
  session = useSessionStore()
  router = makeRouter()
  bindSession({ session, router })
})

afterEach(async () => {
  ElMessage.closeAll()
  await settle()
  document.body.innerHTML = ''
})

describe('request wrapper: success', () => {
  it('attaches the bearer token of the session and resolves with the body itself', async () => {
    const calls = fakeBackend(() => ({ data: { items: [staffView()], total: 1, page: 1, size: 20 } }))
    session.token = 'tok-abc'

    const page = await listStaff({ page: 1 })

    expect(calls[0].headers.Authorization).toBe('Bearer tok-abc')
    expect(calls[0].url).toBe('/staff')
    expect(page.total).toBe(1)
    expect(page.items[0].username).toBe('admin')
  })

  it('sends no Authorization header without a session, nor on sign-in', async () => {
    const calls = fakeBackend(() => ({ data: { token: 't', staff: staffView() } }))
    await getOrgTree()
    session.token = 'old-token'
    await login('admin', 'secret-password')

    expect(calls[0].headers.Authorization).toBeUndefined()
    expect(calls[1].headers.Authorization).toBeUndefined()
    expect(calls[1].data).toEqual({ username: 'admin', password: 'secret-password' })
  })

  it('drops empty filters from the query string', async () => {
    const calls = fakeBackend(() => ({ data: { items: [], total: 0, page: 1, size: 20 } }))
    await listStaff({ orgId: null, role: '', keyword: '  ', enabled: false, includeSubOrgs: undefined, page: 2 })

    expect(calls[0].params).toEqual({ enabled: false, page: 2 })
  })

  it('resolves 204 No Content with null', async () => {
    fakeBackend(() => ({ status: 204 }))
    await expect(http.post('/auth/logout')).resolves.toBeNull()
  })
})

describe('request wrapper: API errors', () => {
  it('rejects with the ApiError of the body and shows its Chinese message', async () => {
    await signedInAt('/staff')
    fakeBackend(() =>
      apiError(409, 'USERNAME_TAKEN', '用户名已被使用，请换一个', [{ field: 'username', message: '用户名已被使用' }]),
    )

    const error = await http.post('/staff', {}).catch((e) => e)
    await settle()

    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(409)
    expect(error.code).toBe('USERNAME_TAKEN')
    expect(error.traceId).toBe('trace-test-1')
    expect(error.fieldMessage('username')).toBe('用户名已被使用')
    expect(toastTexts()).toEqual(['用户名已被使用，请换一个'])
    // a conflict is not a session problem
    expect(session.token).toBe('tok-123')
    expect(router.currentRoute.value.name).toBe('staff')
  })

  it('shows nothing for a silent request but still rejects with the message', async () => {
    fakeBackend(() => apiError(401, 'BAD_CREDENTIALS', '用户名或密码错误'))

    const error = await login('admin', 'wrong-password').catch((e) => e)
    await settle()

    expect(error.code).toBe('BAD_CREDENTIALS')
    expect(error.message).toBe('用户名或密码错误')
    expect(toastTexts()).toEqual([])
  })

  it('a 403 other than a forced password change only shows the message', async () => {
    await signedInAt('/staff', staffView({ roles: ['ORG_ADMIN'] }))
    fakeBackend(() => apiError(403, 'ROLE_NOT_GRANTABLE', '只有超级管理员可以授予或管理超级管理员账号'))

    await expect(http.put('/staff/5', {})).rejects.toMatchObject({ code: 'ROLE_NOT_GRANTABLE' })
    await settle()

    expect(toastTexts()).toEqual(['只有超级管理员可以授予或管理超级管理员账号'])
    expect(router.currentRoute.value.name).toBe('staff')
    expect(session.staff.mustChangePassword).toBe(false)
  })
})

describe('request wrapper: dead session (401)', () => {
  it('clears the session, goes to login remembering the page, and says why once', async () => {
    await signedInAt('/staff?page=2')
    fakeBackend(() => apiError(401, 'SESSION_EXPIRED', '登录已过期，请重新登录'))

    // the staff page loads several things at once: all of them fail
    const results = await Promise.allSettled([listStaff({}), getOrgTree(), http.get('/staff/roles')])
    await settle()

    expect(results.every((r) => r.status === 'rejected' && r.reason.code === 'SESSION_EXPIRED')).toBe(true)
    expect(session.token).toBeNull()
    expect(session.staff).toBeNull()
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull()
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'))
    expect(router.currentRoute.value.query.redirect).toBe('/staff?page=2')
    expect(toastTexts()).toEqual(['登录已过期，请重新登录'])
    expect(document.querySelector('.el-message .el-badge')).toBeNull()
  })

  it('treats UNAUTHENTICATED the same way', async () => {
    await signedInAt('/orgs')
    fakeBackend(() => apiError(401, 'UNAUTHENTICATED', '请先登录'))

    await expect(getOrgTree()).rejects.toMatchObject({ status: 401 })
    await settle()

    expect(session.token).toBeNull()
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'))
    expect(toastTexts()).toEqual(['请先登录'])
  })

  it('leaves the session alone when sign-in itself answers 401', async () => {
    await router.push('/login')
    fakeBackend(() => apiError(401, 'ACCOUNT_LOCKED', '密码连续输错次数过多，账号已临时锁定，请稍后再试'))

    await expect(login('gz-orgadmin', 'wrong-password')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' })
    await settle()

    expect(router.currentRoute.value.fullPath).toBe('/login')
  })
})

describe('request wrapper: forced password change (403 PASSWORD_CHANGE_REQUIRED)', () => {
  it('routes to the change-password page and marks the session', async () => {
    await signedInAt('/staff')
    fakeBackend(() => apiError(403, 'PASSWORD_CHANGE_REQUIRED', '密码已被管理员重置，请先修改密码'))

    const results = await Promise.allSettled([listStaff({}), getOrgTree()])
    await settle()

    expect(results.map((r) => r.reason.code)).toEqual(['PASSWORD_CHANGE_REQUIRED', 'PASSWORD_CHANGE_REQUIRED'])
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('change-password'))
    expect(session.mustChangePassword).toBe(true)
    expect(session.token).toBe('tok-123') // the session stays: only the password must change
    expect(toastTexts()).toEqual(['密码已被管理员重置，请先修改密码'])
  })

  it('keeps the member on the change-password page afterwards', async () => {
    await signedInAt('/staff')
    fakeBackend(() => apiError(403, 'PASSWORD_CHANGE_REQUIRED', '密码已被管理员重置，请先修改密码'))
    await getOrgTree().catch(() => {})
    await settle()

    await router.push('/audit-logs')
    expect(router.currentRoute.value.name).toBe('change-password')
  })
})

describe('request wrapper: no usable answer', () => {
  it('shows a Chinese message when the network is down', async () => {
    fakeBackend((call, config) => {
      throw new AxiosError('Network Error', AxiosError.ERR_NETWORK, config, {})
    })

    const error = await getOrgTree().catch((e) => e)
    await settle()

    expect(error.code).toBe('NETWORK_ERROR')
    expect(error.message).toBe(NETWORK_ERROR_MESSAGE)
    expect(error.status).toBe(0)
    expect(toastTexts()).toEqual([NETWORK_ERROR_MESSAGE])
  })

  it('shows a Chinese message on timeout', async () => {
    fakeBackend((call, config) => {
      throw new AxiosError('timeout of 15000ms exceeded', 'ECONNABORTED', config, {})
    })

    await expect(getOrgTree()).rejects.toMatchObject({ code: 'TIMEOUT', message: TIMEOUT_MESSAGE })
    await settle()
    expect(toastTexts()).toEqual([TIMEOUT_MESSAGE])
  })

  it('falls back to a Chinese message by status when the body is not an API error (proxy page)', async () => {
    fakeBackend(() => ({ status: 502, data: '<html>Bad Gateway</html>', headers: { 'x-trace-id': 'abc' } }))

    const error = await getOrgTree().catch((e) => e)
    await settle()

    expect(error.code).toBe('HTTP_502')
    expect(error.traceId).toBe('abc')
    expect(toastTexts()).toEqual(['服务暂时不可用，请稍后重试'])
  })
})
