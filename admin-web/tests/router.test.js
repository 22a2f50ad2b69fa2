import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { ElMessage } from 'element-plus'
import { bindSession } from '@/api/request'
import { safeRedirect } from '@/router'
import { TOKEN_KEY, useSessionStore } from '@/stores/session'
import { apiError, fakeBackend, makeRouter, settle, staffView } from './helpers'

let session
let router

beforeEach(() => {
  setActivePinia(createPinia())
  session = useSessionStore()
  router = makeRouter()
  bindSession({ session, router })
  ElMessage.closeAll()
})

function withToken() {
  localStorage.setItem(TOKEN_KEY, 'tok-1')
  session.token = 'tok-1'
}

describe('navigation guard', () => {
  it('sends a visitor without a session to login, remembering the page', async () => {
    const calls = fakeBackend(() => ({ status: 500 }))
    await router.push('/staff?role=VIEWER')

    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/staff?role=VIEWER')
    expect(calls).toHaveLength(0)
  })

  it('loads the signed-in member once after a reload, then lets them in', async () => {
    withToken()
    const calls = fakeBackend((call) => (call.url === '/auth/me' ? { data: staffView() } : { status: 404 }))

    await router.push('/orgs')
    await router.push('/staff')

    expect(router.currentRoute.value.name).toBe('staff')
    expect(calls.map((c) => c.url)).toEqual(['/auth/me'])
    expect(session.staff.displayName).toBe('省团委管理员')
  })

  it('goes to login when the stored token is dead, and forgets it', async () => {
    withToken()
    fakeBackend(() => apiError(401, 'SESSION_EXPIRED', '登录已过期，请重新登录'))

    await router.push('/audit-logs')
    await settle()

    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/audit-logs')
    expect(session.token).toBeNull()
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull()
  })

  it('allows nothing but the change-password page while the password must change', async () => {
    withToken()
    fakeBackend(() => ({ data: staffView({ mustChangePassword: true }) }))

    for (const path of ['/dashboard', '/orgs', '/staff', '/audit-logs']) {
      await router.push(path)
      expect(router.currentRoute.value.name).toBe('change-password')
    }
  })

  it('keeps read-only roles out of the audit log', async () => {
    withToken()
    fakeBackend(() => ({ data: staffView({ roles: ['VIEWER'], roleLabels: ['查看员'] }) }))

    await router.push('/audit-logs')
    expect(router.currentRoute.value.name).toBe('dashboard')

    await router.push('/staff')
    expect(router.currentRoute.value.name).toBe('staff')
  })

  it('keeps dispatchers out of the personal data access log but lets them into the registry pages', async () => {
    withToken()
    fakeBackend(() => ({ data: staffView({ roles: ['DISPATCHER'], roleLabels: ['派单员'] }) }))

    await router.push('/personal-data-access')
    expect(router.currentRoute.value.name).toBe('dashboard')

    for (const name of ['hospitals', 'medical-teams', 'medical-workers', 'statistics']) {
      await router.push({ name })
      expect(router.currentRoute.value.name).toBe(name)
    }
  })

  it('lets a viewer read the request board and the duty roster, and opens a request from the link', async () => {
    withToken()
    fakeBackend(() => ({ data: staffView({ roles: ['VIEWER'], roleLabels: ['查看员'] }) }))

    await router.push('/duty-experts')
    expect(router.currentRoute.value.name).toBe('duty-experts')
    await router.push('/tickets?id=2')
    expect(router.currentRoute.value.name).toBe('tickets')
    expect(router.currentRoute.value.query.id).toBe('2')
  })

  it('lets an org admin into the audit log', async () => {
    withToken()
    fakeBackend(() => ({ data: staffView({ roles: ['ORG_ADMIN'] }) }))

    await router.push('/audit-logs')
    expect(router.currentRoute.value.name).toBe('audit-logs')
  })

  it('skips the login page for a member who is still signed in', async () => {
    withToken()
    fakeBackend(() => ({ data: staffView() }))

    await router.push('/login?redirect=/orgs')
    expect(router.currentRoute.value.fullPath).toBe('/orgs')
  })
})

describe('safeRedirect', () => {
  it('follows in-app paths only', () => {
    expect(safeRedirect('/staff?page=2')).toBe('/staff?page=2')
    expect(safeRedirect('//evil.example')).toEqual({ name: 'dashboard' })
    expect(safeRedirect('https://evil.example')).toEqual({ name: 'dashboard' })
    expect(safeRedirect('/login')).toEqual({ name: 'dashboard' })
    expect(safeRedirect(undefined)).toEqual({ name: 'dashboard' })
  })
})
