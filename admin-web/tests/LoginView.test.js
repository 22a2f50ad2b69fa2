import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import { bindSession } from '@/api/request'
import { TOKEN_KEY, useSessionStore } from '@/stores/session'
import LoginView from '@/views/login/LoginView.vue'
import { apiError, fakeBackend, makeRouter, settle, staffView } from './helpers'

let pinia
let session
let router
let wrapper

async function mountLogin(path = '/login') {
  await router.push(path)
  wrapper = mount(LoginView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  return wrapper
}

async function fillAndSubmit(username, password) {
  await wrapper.find('input[name="username"]').setValue(username)
  await wrapper.find('input[name="password"]').setValue(password)
  await wrapper.find('form').trigger('submit')
  await settle()
}

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  session = useSessionStore()
  router = makeRouter()
  bindSession({ session, router })
})

afterEach(() => {
  wrapper?.unmount()
  ElMessage.closeAll()
  document.body.innerHTML = ''
})

describe('LoginView', () => {
  it("shows the API's Chinese message when the password is wrong, and stays signed out", async () => {
    const calls = fakeBackend(() => apiError(401, 'BAD_CREDENTIALS', '用户名或密码错误'))
    await mountLogin()

    await fillAndSubmit('admin', 'not-the-password')

    expect(calls).toHaveLength(1)
    expect(calls[0].data).toEqual({ username: 'admin', password: 'not-the-password' })
    expect(wrapper.find('[data-test="login-error"]').text()).toContain('用户名或密码错误')
    expect(session.token).toBeNull()
    expect(router.currentRoute.value.name).toBe('login')
    // the password is cleared for the next try, the username kept
    expect(wrapper.find('input[name="password"]').element.value).toBe('')
    expect(wrapper.find('input[name="username"]').element.value).toBe('admin')
  })

  it('shows the lock-out and rate-limit messages as the API words them', async () => {
    const replies = [
      apiError(401, 'ACCOUNT_LOCKED', '密码连续输错次数过多，账号已临时锁定，请 15 分钟后再试'),
      apiError(429, 'LOGIN_RATE_LIMITED', '此网络的登录失败次数过多，请稍后再试'),
    ]
    fakeBackend(() => replies.shift())
    await mountLogin()

    await fillAndSubmit('gz-orgadmin', 'wrong-one')
    expect(wrapper.find('[data-test="login-error"]').text()).toContain('账号已临时锁定，请 15 分钟后再试')

    await fillAndSubmit('gz-orgadmin', 'wrong-two')
    expect(wrapper.find('[data-test="login-error"]').text()).toContain('此网络的登录失败次数过多')
  })

  it('does not call the API with an empty form', async () => {
    const calls = fakeBackend(() => ({ status: 500 }))
    await mountLogin()

    await wrapper.find('form').trigger('submit')
    await settle()

    expect(calls).toHaveLength(0)
    // Element Plus shows field errors after a short debounce
    await vi.waitFor(() => {
      expect(wrapper.text()).toContain('请输入用户名')
      expect(wrapper.text()).toContain('请输入密码')
    })
  })

  it('signs in, keeps the token and returns to the remembered page', async () => {
    const calls = fakeBackend((call) =>
      call.url === '/auth/login'
        ? { data: { token: 'tok-new', idleTimeoutSeconds: 1800, absoluteTimeoutSeconds: 43200, staff: staffView() } }
        : { data: { items: [], total: 0, page: 1, size: 20 } },
    )
    await mountLogin('/login?redirect=/staff')

    await fillAndSubmit('  admin ', 'qingnuan-demo')

    expect(calls[0].data).toEqual({ username: 'admin', password: 'qingnuan-demo' })
    expect(session.token).toBe('tok-new')
    expect(localStorage.getItem(TOKEN_KEY)).toBe('tok-new')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/staff'))
  })

  it('goes straight to 修改密码 when the password must change', async () => {
    fakeBackend(() => ({
      data: { token: 'tok-2', idleTimeoutSeconds: 1800, absoluteTimeoutSeconds: 43200, staff: staffView({ mustChangePassword: true }) },
    }))
    await mountLogin('/login?redirect=/staff')

    await fillAndSubmit('newbie', 'initial-password')

    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('change-password'))
  })
})
