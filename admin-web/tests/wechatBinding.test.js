import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage, ElMessageBox } from 'element-plus'
import { bindSession } from '@/api/request'
import { useSessionStore } from '@/stores/session'
import AdminLayout from '@/layout/AdminLayout.vue'
import { fakeBackend, makeRouter, settle, staffView, toastTexts } from './helpers'

let pinia
let session
let router
let wrapper

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  session = useSessionStore()
  router = makeRouter()
  bindSession({ session, router })
  session.token = 'tok'
})

afterEach(async () => {
  vi.useRealTimers()
  wrapper?.unmount()
  ElMessage.closeAll()
  ElMessageBox.close()
  await settle()
  document.body.innerHTML = ''
  delete navigator.clipboard
})

// 10 minutes from "now" in the tests, as the API sends it: an instant in UTC
const EXPIRES = new Date(Date.now() + 10 * 60_000).toISOString()
const CODE = { code: '076252', expiresAt: EXPIRES, instructions: '请用要接收提醒的微信关注本系统公众号，并在 10 分钟内发送：绑定 076252' }

function bindingBackend(initiallyBound = false) {
  const state = { bound: initiallyBound }
  const calls = fakeBackend((call) => {
    if (call.url === '/auth/me/wechat-binding' && call.method === 'GET') return { data: { bound: state.bound } }
    if (call.url === '/auth/me/wechat-binding' && call.method === 'POST') return { data: CODE }
    if (call.url === '/auth/me/wechat-binding' && call.method === 'DELETE') {
      state.bound = false
      return { status: 204 }
    }
    if (call.url === '/alerts') return { data: [] }
    return { status: 404 }
  })
  return { calls, state }
}

async function mountLayout(staff = staffView({ roles: ['DISPATCHER'] })) {
  session.staff = staff
  await router.push('/dashboard')
  wrapper = mount(AdminLayout, { global: { plugins: [pinia, router, ElementPlus], stubs: { RouterView: true } }, attachTo: document.body })
  await settle()
}

function button(text, root = document) {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === text)
  if (!found) throw new Error(`no button ${text}`)
  return found
}
const dialog = () => document.querySelector('.wechat-binding-dialog')
const buttonTexts = (root) => [...root.querySelectorAll('button')].map((b) => b.textContent.trim()).filter(Boolean)
const messageBox = () => [...document.querySelectorAll('.el-message-box')].at(-1)

async function openDialog() {
  button('绑定微信', document.querySelector('.layout-header')).click()
  await settle()
}

describe('绑定微信 in the header', () => {
  it('asks the API only when opened, shows the code large with its expiry in Beijing time and the instructions', async () => {
    const writeText = vi.fn().mockResolvedValue()
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const { calls } = bindingBackend(false)
    await mountLayout()
    expect(calls.some((c) => c.url === '/auth/me/wechat-binding')).toBe(false)

    await openDialog()
    expect(calls.filter((c) => c.url === '/auth/me/wechat-binding')).toHaveLength(1)
    expect(dialog().querySelector('[data-testid="binding-state"]').textContent).toContain('未绑定')
    expect(buttonTexts(dialog().querySelector('.el-dialog__footer'))).toEqual(['关闭', '获取绑定验证码'])

    button('获取绑定验证码', dialog()).click()
    await vi.waitFor(() => expect(dialog().querySelector('[data-testid="wechat-code"]')?.textContent.trim()).toBe('076252'))
    expect(calls.find((c) => c.method === 'POST').url).toBe('/auth/me/wechat-binding')
    const beijing = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(EXPIRES))
    expect(dialog().querySelector('.code-expiry').textContent).toContain(`${beijing} 前有效`)
    expect(dialog().querySelector('.instructions').textContent).toBe(CODE.instructions)

    button('复制「绑定 076252」', dialog()).click()
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledWith('绑定 076252'))
  })

  it('notices the binding while the code is shown, and unbinds after confirmation', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { calls, state } = bindingBackend(false)
    await mountLayout()
    await openDialog()
    button('获取绑定验证码', dialog()).click()
    await vi.waitFor(() => expect(dialog().querySelector('[data-testid="wechat-code"]')).toBeTruthy())

    // the staff member sends 「绑定 076252」 to the official account
    state.bound = true
    await vi.advanceTimersByTimeAsync(5000)
    await settle()
    await vi.waitFor(() => expect(dialog().querySelector('[data-testid="binding-state"]').textContent).toContain('已绑定'))
    expect(dialog().querySelector('[data-testid="wechat-code"]')).toBeNull()
    expect(toastTexts()).toContain('微信已绑定，之后的工作提醒会发到这个微信')
    const polls = calls.filter((c) => c.method === 'GET' && c.url === '/auth/me/wechat-binding').length
    await vi.advanceTimersByTimeAsync(15000)
    expect(calls.filter((c) => c.method === 'GET' && c.url === '/auth/me/wechat-binding')).toHaveLength(polls) // stopped
    vi.useRealTimers()

    button('解除绑定', dialog()).click()
    await vi.waitFor(() => expect(messageBox()?.textContent).toContain('不再收到心理危机求助等工作提醒'))
    button('解除绑定', messageBox()).click()
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true))
    await vi.waitFor(() => expect(dialog().querySelector('[data-testid="binding-state"]').textContent).toContain('未绑定'))
    expect(toastTexts()).toContain('已解除微信绑定')
  })

  it('is not offered while the password must change', async () => {
    bindingBackend(false)
    await mountLayout(staffView({ mustChangePassword: true }))
    expect(buttonTexts(document.querySelector('.layout-header'))).toEqual(['退出登录'])
  })
})
