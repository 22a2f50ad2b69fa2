import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import { useSessionStore } from '@/stores/session'
import FamilyBindingPanel from '@/views/workers/FamilyBindingPanel.vue'
import { apiError, fakeBackend, settle, toastTexts } from './helpers'

let pinia
let wrapper

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().token = 'tok'
})

afterEach(() => {
  wrapper?.unmount()
  ElMessage.closeAll()
  document.body.innerHTML = ''
  delete navigator.clipboard
})

async function mountPanel(props) {
  wrapper = mount(FamilyBindingPanel, { props, global: { plugins: [pinia, ElementPlus] }, attachTo: document.body })
  await settle()
  return wrapper
}

const BOUND = [
  { userId: 1, role: 'FAMILY', phone: '137****0001', source: 'PHONE', boundAt: '2026-11-25T23:07:27.179' },
  { userId: 4, role: 'MEDICAL_WORKER', source: 'DEV_LOGIN', boundAt: '2026-11-26T08:00:00' },
]
const INVITE = { id: 7, familyId: 11, code: 'U47SY2UPWM', expiresAt: '2026-12-09T23:07:34.061737896', maxUses: 1 }
const CODES = [
  { id: 7, code: 'U47S******', maxUses: 3, uses: 1, expiresAt: '2026-12-09T23:07:34', status: 'ACTIVE', statusLabel: '可使用' },
  { id: 5, code: 'K2PQ******', maxUses: 1, uses: 1, expiresAt: '2026-12-01T10:00:00', status: 'USED_UP', statusLabel: '已用完' },
]

function bindingBackend() {
  return fakeBackend((call) => {
    if (call.url === '/families/11/wechat-users') return { data: BOUND }
    if (call.url === '/families/11/invites' && call.method === 'POST') return { status: 201, data: INVITE }
    if (call.url === '/families/11/invites' && call.method === 'GET') return { data: CODES }
    if (call.url === '/families/11/invites/7/revoke' && call.method === 'POST') return { status: 204 }
    if (call.url === '/families/11/wechat-users/1' && call.method === 'DELETE') return { status: 204 }
    return { status: 404 }
  })
}

/** The confirm dialog open now (a closed one may linger in the DOM while it fades). */
const lastBox = () => [...document.querySelectorAll('.el-message-box')].at(-1)

/** Presses the confirm dialog's button with this text. */
async function confirmWith(text) {
  await vi.waitFor(() => expect(lastBox()).toBeDefined())
  ;[...lastBox().querySelectorAll('button')].find((b) => b.textContent.trim() === text).click()
}

const rows = () => [...document.querySelectorAll('.bound-users .el-table__body tr')].map((tr) => tr.textContent)
const button = (text) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === text)

describe('family binding panel', () => {
  it('lists the bound mini-program users with Chinese labels', async () => {
    const calls = bindingBackend()
    await mountPanel({ familyId: 11, canInvite: false })

    expect(calls[0]).toMatchObject({ method: 'GET', url: '/families/11/wechat-users' })
    expect(rows()[0]).toContain('家属')
    expect(rows()[0]).toContain('137****0001')
    expect(rows()[0]).toContain('手机号验证')
    expect(rows()[0]).toContain('2026-11-25 23:07:27')
    expect(rows()[1]).toContain('医护人员本人')
    expect(rows()[1]).toContain('未验证')
    expect(rows()[1]).toContain('演示登录')
    expect(button('生成家属邀请码')).toBeUndefined()
  })

  it('issues an invite code, shows it large with its expiry, and copies it', async () => {
    const writeText = vi.fn().mockResolvedValue()
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const calls = bindingBackend()
    await mountPanel({ familyId: 11, canInvite: true })

    button('生成家属邀请码').click()
    await vi.waitFor(() => expect(document.querySelector('.invite-code')?.textContent.trim()).toBe('U47SY2UPWM'))
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ url: '/families/11/invites' })
    expect(document.querySelector('.invite-card').textContent).toContain('有效期至 2026-12-09 23:07')

    button('复制邀请码').click()
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledWith('U47SY2UPWM'))
    await vi.waitFor(() => expect(toastTexts()).toContain('已复制邀请码'))

    button('复制邀请话术').click()
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledTimes(2))
    expect(writeText.mock.calls[1][0]).toContain('U47SY2UPWM')
    expect(writeText.mock.calls[1][0]).toContain('2026-12-09 23:07 前有效')
  })

  it('issues a code for the number of users chosen (one by default)', async () => {
    const calls = bindingBackend()
    await mountPanel({ familyId: 11, canInvite: true })

    button('生成家属邀请码').click()
    await vi.waitFor(() => expect(calls.find((c) => c.method === 'POST')).toBeDefined())
    expect(calls.find((c) => c.method === 'POST').data).toEqual({ maxUses: 1 })
    await vi.waitFor(() => expect(document.querySelector('.invite-card').textContent).toContain('可绑定 1 人'))

    const input = document.querySelector('.max-uses input')
    input.value = '3'
    input.dispatchEvent(new Event('input'))
    input.dispatchEvent(new Event('change'))
    await settle()
    button('生成家属邀请码').click()
    await vi.waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2))
    expect(calls.filter((c) => c.method === 'POST')[1].data).toEqual({ maxUses: 3 })
  })

  it("lists the family's codes, shortened, and revokes an active one after confirming", async () => {
    const calls = bindingBackend()
    await mountPanel({ familyId: 11, canInvite: true })

    const codeRows = () => [...document.querySelectorAll('.invite-codes .el-table__body tr')]
    await vi.waitFor(() => expect(codeRows()).toHaveLength(2))
    expect(codeRows()[0].textContent).toContain('U47S******')
    expect(codeRows()[0].textContent).toContain('1 / 3')
    expect(codeRows()[0].textContent).toContain('可使用')
    expect(codeRows()[1].textContent).toContain('已用完')
    expect(codeRows()[1].querySelector('button')).toBeNull()

    codeRows()[0].querySelector('button').click()
    await confirmWith('作废')
    await vi.waitFor(() => expect(calls.find((c) => c.url === '/families/11/invites/7/revoke')).toBeDefined())
    await vi.waitFor(() => expect(toastTexts()).toContain('邀请码已作废'))
  })

  it('unbinds a WeChat user after confirming, and not without', async () => {
    const calls = bindingBackend()
    await mountPanel({ familyId: 11, canInvite: true })

    const unbindButtons = () => [...document.querySelectorAll('.bound-users .el-table__body tr button')]
    unbindButtons()[0].click()
    await confirmWith('取消')
    await settle()
    expect(calls.find((c) => c.method === 'DELETE')).toBeUndefined()

    document.body.querySelectorAll('.el-overlay').forEach((o) => o.remove()) // the cancelled dialog
    unbindButtons()[0].click()
    await vi.waitFor(() => expect(lastBox()?.textContent).toContain('137****0001'))
    await confirmWith('解除绑定')
    await vi.waitFor(() => expect(calls.find((c) => c.method === 'DELETE')).toMatchObject({ url: '/families/11/wechat-users/1' }))
    await vi.waitFor(() => expect(toastTexts()).toContain('已解除绑定'))
  })

  it('offers no unbinding or codes to a member who may not invite', async () => {
    bindingBackend()
    await mountPanel({ familyId: 11, canInvite: false })
    expect(document.querySelectorAll('.bound-users .el-table__body tr button')).toHaveLength(0)
    expect(document.querySelector('.invite-codes')).toBeNull()
  })

  it('shows why the list could not load, with a retry', async () => {
    let fail = true
    fakeBackend(() => (fail ? apiError(404, 'FAMILY_NOT_FOUND', '家庭不存在') : { data: BOUND }))
    await mountPanel({ familyId: 11, canInvite: true })

    expect(document.querySelector('.bound-users').textContent).toContain('家庭不存在')
    expect(document.querySelector('.el-message')).toBeNull() // shown in place, not as a toast
    fail = false
    button('重新加载').click()
    await settle()
    expect(rows()).toHaveLength(2)
  })
})
