import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage, ElMessageBox, ElNotification } from 'element-plus'
import { bindSession } from '@/api/request'
import { useSessionStore } from '@/stores/session'
import AlertBell from '@/layout/AlertBell.vue'
import DutyExpertsView from '@/views/dutyExperts/DutyExpertsView.vue'
import { apiError, fakeBackend, makeRouter, settle, staffView } from './helpers'

// the board is a lazy route: load it once up front so navigations in the tests are quick
beforeAll(() => import('@/views/tickets/TicketsView.vue'))

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
  session.staff = staffView({ id: 7, orgId: 2, orgName: '共青团广州市委员会', roles: ['DISPATCHER'] })
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  ElMessage.closeAll()
  ElMessageBox.close()
  ElNotification.closeAll()
  document.body.innerHTML = ''
})

const texts = (selector, root = document) => [...root.querySelectorAll(selector)].map((el) => el.textContent.trim())
const buttonTexts = (root = document) => texts('button', root).filter(Boolean)
function button(text, root = document) {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === text)
  if (!found) throw new Error(`no button ${text}`)
  return found
}
function formItem(root, label) {
  return [...root.querySelectorAll('.el-form-item')].find((el) => el.querySelector('.el-form-item__label')?.textContent.trim() === label)
}
async function type(input, value) {
  input.value = value
  input.dispatchEvent(new Event('input'))
  await settle()
}

// --- the header bell
const CRISIS_ALERT = { id: 5, orgId: 3, kind: 'CRISIS', ticketId: 2, title: '心理危机求助 #2（广州市天河区）：请立即联系家属', createdAt: '2026-11-25T23:07:33.384', updatedAt: '2026-11-25T23:07:33.384' }
const OLD_ALERT = { ...CRISIS_ALERT, id: 3, ticketId: 1, title: '心理危机求助 #1（广州市越秀区）：请立即联系家属', readAt: '2026-11-24T10:00:00', createdAt: '2026-11-24T09:00:00' }

async function mountBell(props = {}) {
  await router.push('/dashboard')
  wrapper = mount(AlertBell, { props, global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await settle()
  return wrapper
}
/** The badge's number, '' while hidden. */
function badgeText() {
  const el = document.querySelector('.alert-badge .el-badge__content')
  return el && el.style.display !== 'none' ? el.textContent.trim() : ''
}

describe('alert bell', () => {
  it('counts unread alerts; picking one marks it read and opens its request', async () => {
    const calls = fakeBackend((call) => {
      if (call.url === '/alerts') return { data: [CRISIS_ALERT, OLD_ALERT] }
      if (call.url === '/alerts/5/read') return { status: 204 }
      return { status: 404 }
    })
    await mountBell()
    expect(badgeText()).toBe('1')

    document.querySelector('.alert-bell button').click()
    await settle()
    const items = [...document.querySelectorAll('.alert-item')]
    expect(items.map((li) => li.classList.contains('unread'))).toEqual([true, false])
    expect(items[0].textContent).toContain('心理危机')
    expect(items[0].textContent).toContain('心理危机求助 #2（广州市天河区）：请立即联系家属')
    expect(items[0].textContent).toContain('2026-11-25 23:07:33')
    expect(items[0].textContent).toContain('未读')

    items[0].click()
    await settle()
    expect(calls.find((c) => c.url === '/alerts/5/read')).toMatchObject({ method: 'POST' })
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/tickets?id=2'))
    expect(badgeText()).toBe('') // nothing unread any more
  })

  it('labels a task a volunteer gave back apart from a crisis', async () => {
    fakeBackend(() => ({
      data: [{ id: 8, orgId: 3, kind: 'TASK_RELEASED', ticketId: 4, title: '求助 #4 被志愿者放弃：临时有事', createdAt: '2026-11-26T09:00:00' }, OLD_ALERT],
    }))
    await mountBell()
    document.querySelector('.alert-bell button').click()
    await settle()
    const tags = [...document.querySelectorAll('.alert-item .el-tag')]
    expect(tags.map((t) => t.textContent.trim())).toEqual(['退回待认领', '心理危机'])
    expect(tags[0].classList.contains('el-tag--warning')).toBe(true)
    expect(tags[1].classList.contains('el-tag--danger')).toBe(true)
  })

  it('labels dispatch and overdue alerts', async () => {
    fakeBackend(() => ({
      data: [
        { id: 9, orgId: 3, kind: 'OVERDUE', ticketId: 5, title: '求助 #5 已超过完成期限', createdAt: '2026-11-26T10:00:00' },
        { id: 8, orgId: 3, kind: 'DISPATCH', ticketId: 4, title: '求助 #4 派给本单位，请在期限内办结', createdAt: '2026-11-26T09:00:00' },
      ],
    }))
    await mountBell()
    document.querySelector('.alert-bell button').click()
    await settle()
    const tags = [...document.querySelectorAll('.alert-item .el-tag')]
    expect(tags.map((t) => t.textContent.trim())).toEqual(['超时', '派单'])
    expect(tags[0].classList.contains('el-tag--danger')).toBe(true)
  })

  it('opens a read alert without marking it again', async () => {
    const calls = fakeBackend(() => ({ data: [OLD_ALERT] }))
    await mountBell()
    expect(badgeText()).toBe('')

    document.querySelector('.alert-bell button').click()
    await settle()
    document.querySelector('.alert-item').click()
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/tickets?id=1'))
    expect(calls.some((c) => c.url.endsWith('/read'))).toBe(false)
  })

  it('polls while signed in, pops up a new crisis, and stops on sign-out and unmount', async () => {
    let list = [OLD_ALERT]
    const calls = fakeBackend(() => ({ data: list }))
    await mountBell({ interval: 40 })
    const polls = () => calls.filter((c) => c.url === '/alerts').length

    await vi.waitFor(() => expect(polls()).toBeGreaterThanOrEqual(3))
    expect(document.querySelector('.alert-notification')).toBeNull()

    list = [CRISIS_ALERT, OLD_ALERT]
    await vi.waitFor(() => expect(document.querySelector('.alert-notification')?.textContent).toContain('心理危机求助 #2'))
    expect(badgeText()).toBe('1')

    session.clear() // e.g. a 401 elsewhere dropped the session
    await settle()
    const afterSignOut = polls()
    await new Promise((r) => setTimeout(r, 150))
    expect(polls()).toBe(afterSignOut)

    session.token = 'tok-2' // signed in again
    await vi.waitFor(() => expect(polls()).toBeGreaterThan(afterSignOut + 1))
    wrapper.unmount()
    wrapper = null
    const afterUnmount = polls()
    await new Promise((r) => setTimeout(r, 150))
    expect(polls()).toBe(afterUnmount)
    // the pop-up closed with the layout (it fades out, so it may still be in the DOM, hidden)
    await settle()
    expect(document.querySelector('.alert-notification')?.style.display ?? 'none').toBe('none')
  })

  it('does not count an alert closed by its cause, and filters unread and read ones (read fetched from the server)', async () => {
    const CLOSED = { ...CRISIS_ALERT, id: 6, kind: 'OVERDUE', ticketId: 7, title: '求助 #7 已超过完成期限', closedAt: '2026-11-26T08:00:00', closeReason: '求助已完成待确认' }
    const OLDER_READ = { ...OLD_ALERT, id: 1, ticketId: 9, title: '很早以前的提醒' }
    const calls = fakeBackend((call) => {
      if (call.url === '/alerts' && call.params?.state === 'READ') return { data: [CLOSED, OLD_ALERT, OLDER_READ] }
      if (call.url === '/alerts') return { data: [CRISIS_ALERT, CLOSED, OLD_ALERT] }
      return { status: 404 }
    })
    await mountBell()
    expect(badgeText()).toBe('1') // the closed one is not unread

    document.querySelector('.alert-bell button').click()
    await settle()
    const titles = () => texts('.alert-item .alert-title > span:not(.el-tag)')
    expect(titles()).toHaveLength(3)
    expect(document.querySelector('.alert-item.closed').textContent).toContain('已自动关闭：求助已完成待确认')

    const pickFilter = (label) =>
      [...document.querySelectorAll('.alert-filter .el-radio-button')].find((b) => b.textContent.trim() === label).querySelector('input').click()
    pickFilter('未读')
    await settle()
    expect(titles()).toEqual([CRISIS_ALERT.title])

    pickFilter('已读')
    await settle()
    expect(calls.some((c) => c.url === '/alerts' && c.params?.state === 'READ')).toBe(true)
    expect(titles()).toEqual([CLOSED.title, OLD_ALERT.title, '很早以前的提醒'])
  })

  it('shows a failed fetch in the panel instead of a toast every minute', async () => {
    fakeBackend(() => apiError(503, 'SERVICE_UNAVAILABLE', '服务暂时不可用，请稍后重试'))
    await mountBell()
    expect(document.querySelector('.el-message')).toBeNull()

    document.querySelector('.alert-bell button').click()
    await settle()
    expect(document.querySelector('.alert-popover').textContent).toContain('服务暂时不可用，请稍后重试')
  })
})

// --- duty experts
const EXPERTS = [
  { id: 1, orgId: 2, name: '周医生', phone: '138****8000', alertsByWechat: true, active: true },
  { id: 2, orgId: 3, name: '吴老师', phone: '139****1234', alertsByWechat: false, active: true },
  { id: 3, orgId: 2, name: '郑医生', phone: '137****5678', alertsByWechat: false, active: false },
]
const ORG_TREE = [{ id: 2, name: '共青团广州市委员会', children: [{ id: 3, name: '共青团广州市天河区委员会', children: [] }] }]

function expertsBackend(overrides = {}) {
  return fakeBackend((call) => {
    const handled = overrides[`${call.method} ${call.url}`]?.(call)
    if (handled) return handled
    if (call.url === '/duty-experts' && call.method === 'GET') return { data: EXPERTS }
    if (call.url === '/orgs/tree') return { data: ORG_TREE }
    if (call.url === '/duty-experts' && call.method === 'POST') {
      return { status: 201, data: { id: 9, orgId: 2, name: call.data.name, phone: '135****0000', alertsByWechat: Boolean(call.data.openId), active: true } }
    }
    if (call.url === '/duty-experts/2' && call.method === 'DELETE') return { status: 204 }
    if (call.url.startsWith('/duty-experts/') && call.method === 'PUT') {
      const id = Number(call.url.split('/')[2])
      return { data: { ...EXPERTS.find((e) => e.id === id), name: call.data.name, active: call.data.active ?? true } }
    }
    return { status: 404 }
  })
}

async function mountExperts(roles) {
  session.staff = staffView({ id: 7, orgId: 2, orgName: '共青团广州市委员会', roles })
  await router.push('/duty-experts')
  wrapper = mount(DutyExpertsView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await settle()
}
const rows = () => texts('.el-table__body-wrapper tr')
const dialog = () => document.querySelector('.duty-expert-dialog')
// a closed box may linger while it fades out: the newest one is last
const messageBox = () => [...document.querySelectorAll('.el-message-box')].at(-1)

describe('值班心理专家 page', () => {
  it('shows a viewer the roster with org names and masked phones, and nothing to change', async () => {
    expertsBackend()
    await mountExperts(['VIEWER'])

    expect(wrapper.text()).toContain('2 位值班中')
    expect(rows()[0]).toContain('周医生')
    expect(rows()[0]).toContain('138****8000')
    expect(rows()[0]).toContain('已开通')
    expect(rows()[0]).toContain('共青团广州市委员会')
    expect(rows()[1]).toContain('共青团广州市天河区委员会')
    expect(rows()[1]).toContain('未填写 OpenID')
    expect(rows()[2]).toContain('已移除')
    expect(buttonTexts()).not.toContain('添加值班专家')
    expect(buttonTexts()).not.toContain('移除')
  })

  it('adds an expert and shows the API field errors on the fields', async () => {
    let reject = true
    const calls = expertsBackend({
      'POST /duty-experts': () =>
        reject ? apiError(400, 'VALIDATION_FAILED', '填写的内容有误，请按提示修改后重试', [{ field: 'phone', message: '请填写正确的手机号' }]) : null,
    })
    await mountExperts(['DISPATCHER'])

    button('添加值班专家').click()
    await settle()
    await type(formItem(dialog(), '姓名').querySelector('input'), ' 王医生 ')
    await type(formItem(dialog(), '手机号').querySelector('input'), '135 0000 0000')
    button('添加', dialog()).click()

    await vi.waitFor(() => expect(formItem(dialog(), '手机号').querySelector('.el-form-item__error')?.textContent.trim()).toBe('请填写正确的手机号'))
    expect(calls.find((c) => c.method === 'POST').data).toEqual({ name: '王医生', phone: '13500000000', openId: null })

    reject = false
    await type(formItem(dialog(), '公众号 OpenID').querySelector('input'), 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M')
    button('添加', dialog()).click()
    await vi.waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2))
    expect(calls.filter((c) => c.method === 'POST')[1].data.openId).toBe('o6_bmjrPTlm6_2sgVt7hMZOPfL2M')
    await vi.waitFor(() => expect(calls.filter((c) => c.url === '/duty-experts' && c.method === 'GET')).toHaveLength(2))
  })

  it('checks the form before calling the API', async () => {
    const calls = expertsBackend()
    await mountExperts(['ORG_ADMIN'])
    button('添加值班专家').click()
    await settle()
    await type(formItem(dialog(), '手机号').querySelector('input'), '020-87654321')
    button('添加', dialog()).click()
    await vi.waitFor(() => expect(formItem(dialog(), '手机号').querySelector('.el-form-item__error')?.textContent.trim()).toBe('请填写 11 位手机号'))
    expect(formItem(dialog(), '姓名').querySelector('.el-form-item__error')?.textContent.trim()).toBe('请填写姓名')
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
  })

  it('removes an expert only after confirmation, and only the active ones', async () => {
    const calls = expertsBackend()
    await mountExperts(['DISPATCHER'])
    // the fixed action column renders its own cells: read them by row
    const removeButtons = [...document.querySelectorAll('.el-table__body-wrapper tr')].map((tr) =>
      [...tr.querySelectorAll('button')].some((b) => b.textContent.trim() === '移除'),
    )
    expect(removeButtons).toEqual([true, true, false])

    const row = [...document.querySelectorAll('.el-table__body-wrapper tr')][1]
    button('移除', row).click()
    await settle()
    expect(messageBox().textContent).toContain('确定将「吴老师」移出值班名单吗')
    button('取消', messageBox()).click()
    await settle()
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false)

    button('移除', row).click()
    await settle()
    button('移除', messageBox()).click()
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url === '/duty-experts/2')).toBe(true))
    await vi.waitFor(() => expect(calls.filter((c) => c.url === '/duty-experts' && c.method === 'GET')).toHaveLength(2))
  })

  it('corrects an expert keeping the masked phone, and restores a removed one', async () => {
    const calls = expertsBackend()
    await mountExperts(['DISPATCHER'])
    const tableRows = () => [...document.querySelectorAll('.el-table__body-wrapper tr')]
    button('修改', tableRows()[0]).click()
    await settle()
    expect(dialog().textContent).toContain('修改值班心理专家')
    expect(formItem(dialog(), '姓名').querySelector('input').value).toBe('周医生')
    expect(formItem(dialog(), '手机号').querySelector('input').placeholder).toContain('138****8000')
    await type(formItem(dialog(), '姓名').querySelector('input'), '周主任')
    dialog().querySelector('.el-checkbox input').click() // 停止公众号提醒
    await settle()
    button('保存', dialog()).click()
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true))
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
      url: '/duty-experts/1',
      data: { name: '周主任', phone: null, openId: null, clearOpenId: true },
    })

    expect(tableRows().map((tr) => [...tr.querySelectorAll('button')].some((b) => b.textContent.trim() === '恢复'))).toEqual([false, false, true])
    button('恢复', tableRows()[2]).click()
    await vi.waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2))
    expect(calls.filter((c) => c.method === 'PUT')[1]).toMatchObject({ url: '/duty-experts/3', data: { name: '郑医生', active: true } })
  })
})
