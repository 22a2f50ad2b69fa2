import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import { bindSession } from '@/api/request'
import { useSessionStore } from '@/stores/session'
import TicketsView from '@/views/tickets/TicketsView.vue'
import { apiError, fakeBackend, makeRouter, settle, staffView, toastTexts } from './helpers'

// The dispatch moves of the request board: every button comes from `ticket.actions`.
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

afterEach(() => {
  wrapper?.unmount()
  ElMessage.closeAll()
  document.body.innerHTML = ''
  vi.useRealTimers()
})

async function mountBoard(roles, path = '/tickets?id=5') {
  session.staff = staffView({ id: 7, orgId: 2, orgName: '共青团广州市委员会', roles })
  await router.push(path)
  wrapper = mount(TicketsView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await settle()
  return wrapper
}

const page = (items) => ({ items, total: items.length, page: 1, size: 20 })
const texts = (selector, root = document) => [...root.querySelectorAll(selector)].map((el) => el.textContent.trim())
const buttonTexts = (root = document) => texts('button', root).filter(Boolean)
function button(text, root = document) {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === text)
  if (!found) throw new Error(`no button ${text}`)
  return found
}
function dialogTitled(title) {
  return [...document.querySelectorAll('.el-dialog')].find((d) => d.querySelector('.el-dialog__title')?.textContent.includes(title))
}
function formItem(root, label) {
  return [...root.querySelectorAll('.el-form-item')].find((el) => el.querySelector('.el-form-item__label')?.textContent.trim() === label)
}
const fieldError = (root, label) => formItem(root, label)?.querySelector('.el-form-item__error')?.textContent.trim()
async function type(input, value) {
  input.value = value
  input.dispatchEvent(new Event('input'))
  await settle()
}
const drawer = () => document.querySelector('.ticket-drawer')
const drawerButtons = () => buttonTexts(drawer().querySelector('.drawer-actions'))

const DISPATCHED = {
  id: 5,
  familyId: 3,
  category: 'DAILY_LIVING',
  categoryLabel: '代购代办',
  urgency: 'URGENT',
  status: 'DISPATCHED',
  statusLabel: '已派单',
  channel: 'HOTLINE_12355',
  crisis: false,
  contentCheck: 'PASS',
  description: '帮忙买一周的降压药',
  address: '广州市天河区****',
  district: '广州市天河区',
  contactMethod: 'PHONE_CALL',
  contactPhone: '137****0002',
  photoUrls: [],
  donePhotoUrls: [],
  createdAt: '2026-11-25T08:00:00',
  updatedAt: '2026-11-25T09:00:00',
  dispatch: {
    unitOrgId: 21,
    unitName: '共青团广州市天河区委员会',
    state: 'PENDING',
    stateLabel: '待接单',
    dispatcherOrgId: 2,
    dispatcherOrgName: '共青团广州市委员会',
    dispatchedAt: '2026-11-25T09:00:00',
    deadline: '2026-11-26T09:00:00',
    overdue: true,
    ownVolunteersOnly: false,
  },
  actions: ['DISPATCH_ACCEPT', 'PASS_BACK', 'CHANGE_DEADLINE', 'OPEN', 'ASSIGN', 'COMPLETE', 'CLOSE'],
  history: [
    { action: 'SUBMIT', actionLabel: '提交求助', toStatus: 'SUBMITTED', actor: '工作人员 王芳', at: '2026-11-25T08:00:00' },
    { action: 'DISPATCH', actionLabel: '派单', fromStatus: 'ACCEPTED', toStatus: 'DISPATCHED', actor: '工作人员 王芳', note: '派给天河区团委', at: '2026-11-25T09:00:00' },
  ],
}
const ACCEPTED = {
  ...DISPATCHED,
  id: 6,
  status: 'ACCEPTED',
  statusLabel: '已受理',
  dispatch: null,
  actions: ['DISPATCH', 'OPEN', 'COMPLETE', 'REJECT', 'CLOSE'],
  history: DISPATCHED.history.slice(0, 1),
}
const DONE = { ...DISPATCHED, id: 7, status: 'DONE', statusLabel: '已完成待确认', actions: ['FOLLOW_UP'] }
const summary = ({ history: _h, photoUrls: _p, donePhotoUrls: _d, ...rest }) => rest

function backend(overrides = {}) {
  return fakeBackend((call) => {
    const handled = overrides[`${call.method} ${call.url}`]?.(call)
    if (handled) return handled
    if (call.url === '/tickets') return { data: page([summary(DISPATCHED), summary(ACCEPTED)]) }
    if (call.url === '/tickets/5') return { data: DISPATCHED }
    if (call.url === '/tickets/6') return { data: ACCEPTED }
    if (call.url === '/tickets/7') return { data: DONE }
    if (call.url === '/tickets/dispatch-units') {
      return {
        data: [
          { id: 21, name: '共青团广州市天河区委员会', type: 'DISTRICT', typeLabel: '区县团委' },
          { id: 22, name: '共青团广州市越秀区委员会', type: 'DISTRICT', typeLabel: '区县团委' },
        ],
      }
    }
    if (call.url === '/tickets/6/dispatch') return { data: { ...DISPATCHED, id: 6 } }
    if (call.url.startsWith('/tickets/5/')) return { data: { ...DISPATCHED, actions: [] } }
    if (call.url === '/tickets/7/follow-ups') return { data: { ...DONE, status: 'CONFIRMED', statusLabel: '已确认', actions: [] } }
    return { status: 404 }
  })
}

describe('dispatch on the request board', () => {
  it('lists the responsible unit and the deadline with a red 超时 tag', async () => {
    backend()
    await mountBoard(['DISPATCHER'], '/tickets')
    const rows = [...document.querySelectorAll('.tickets-table .el-table__body-wrapper tr')]
    expect(rows[0].textContent).toContain('共青团广州市天河区委员会')
    expect(rows[0].textContent).toContain('2026-11-26 09:00')
    const tag = rows[0].querySelector('.overdue-tag')
    expect(tag.textContent.trim()).toBe('超时')
    expect(tag.classList.contains('el-tag--danger')).toBe(true)
    expect(rows[1].querySelector('.overdue-tag')).toBeNull()
    // handlers take needs in and ask for take-overs
    expect(buttonTexts(document.querySelector('.toolbar'))).toEqual(['热线受理', '申请转办', '刷新'])
  })

  it('shows the dispatch block and exactly the actions the backend offers', async () => {
    backend()
    await mountBoard(['DISPATCHER'])
    const block = drawer().querySelector('.ticket-dispatch').textContent
    expect(block).toContain('共青团广州市天河区委员会')
    expect(block).toContain('待接单')
    expect(block).toContain('2026-11-26 09:00')
    expect(block).toContain('超时')
    expect(block).toContain('共青团广州市委员会')
    expect(drawerButtons()).toEqual(['接单', '发布给志愿者', '指派志愿者', '调整期限', '直接办结', '退回派单', '关闭', '查看原文', '刷新'])
    // history shows the backend's labels
    expect(texts('.ticket-drawer .el-timeline-item')[1]).toContain('派单')
    expect(texts('.ticket-drawer .el-timeline-item')[1]).toContain('派给天河区团委')
  })

  it('offers nothing the backend does not list, even to an admin', async () => {
    backend({ 'GET /tickets/5': () => ({ data: { ...DISPATCHED, actions: ['CHANGE_DEADLINE'] } }) })
    await mountBoard(['SUPER_ADMIN'])
    expect(drawerButtons()).toEqual(['调整期限', '查看原文', '刷新'])
  })

  it('dispatches to a unit with a deadline 24 hours ahead by default and a note', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-25T02:15:30Z')) // 10:15 in Beijing
    const calls = backend()
    await mountBoard(['DISPATCHER'], '/tickets?id=6')
    expect(drawer().querySelector('.ticket-dispatch')).toBeNull()

    button('派单', drawer()).click()
    await settle()
    const dialog = dialogTitled('派单：求助 #6')
    expect(calls.some((c) => c.url === '/tickets/dispatch-units')).toBe(true)
    expect(formItem(dialog, '完成期限').querySelector('input').value).toBe('2026-11-26 10:15')

    // the unit is required
    button('确定派单', dialog).click()
    await vi.waitFor(() => expect(fieldError(dialog, '承办单位')).toBe('请选择承办单位'))
    expect(calls.some((c) => c.url === '/tickets/6/dispatch')).toBe(false)

    formItem(dialog, '承办单位').querySelector('.el-select__wrapper').click()
    await settle()
    const option = [...document.querySelectorAll('.el-select-dropdown__item')].find((o) => o.textContent.includes('越秀区'))
    expect(option.textContent).toContain('区县团委')
    option.click()
    await settle()
    await type(formItem(dialog, '派单说明').querySelector('textarea'), '请今天联系家属')
    button('确定派单', dialog).click()

    await vi.waitFor(() => expect(calls.some((c) => c.url === '/tickets/6/dispatch')).toBe(true))
    expect(calls.find((c) => c.url === '/tickets/6/dispatch')).toMatchObject({
      method: 'POST',
      data: { unitOrgId: 22, deadline: '2026-11-26T10:15:00', note: '请今天联系家属' },
    })
    await vi.waitFor(() => expect(toastTexts()).toContain('已派单'))
  })

  it('shows the API message on the deadline field', async () => {
    const calls = backend({
      'POST /tickets/5/dispatch/deadline': () =>
        apiError(400, 'VALIDATION_FAILED', '请检查填写的内容', [{ field: 'deadline', message: '完成期限须晚于现在' }]),
    })
    await mountBoard(['DISPATCHER'])
    button('调整期限', drawer()).click()
    await settle()
    const dialog = dialogTitled('调整期限')
    expect(dialog.textContent).toContain('原期限：2026-11-26 09:00')
    button('确定调整期限', dialog).click()
    await vi.waitFor(() => expect(fieldError(dialog, '新的完成期限')).toBe('完成期限须晚于现在'))
    expect(calls.find((c) => c.url === '/tickets/5/dispatch/deadline').data).toMatchObject({ note: null })
    expect(toastTexts()).toContain('请检查填写的内容')
  })

  it('accepts the dispatch with a note, and asks a reason before passing it back', async () => {
    const calls = backend()
    await mountBoard(['DISPATCHER'])

    button('退回派单', drawer()).click()
    await settle()
    const passBack = dialogTitled('退回派单')
    button('确定退回派单', passBack).click()
    await vi.waitFor(() => expect(fieldError(passBack, '退回原因')).toBe('请填写退回原因'))
    await type(passBack.querySelector('textarea'), '不在本区')
    button('确定退回派单', passBack).click()
    await vi.waitFor(() => expect(calls.find((c) => c.url === '/tickets/5/dispatch/pass-back')?.data).toEqual({ reason: '不在本区' }))
    await vi.waitFor(() => expect(drawerButtons()).toEqual(['查看原文', '刷新']))
  })

  it('accepts the dispatch', async () => {
    const calls = backend()
    await mountBoard(['DISPATCHER'])
    button('接单', drawer()).click()
    await settle()
    button('确定接单', dialogTitled('接单')).click()
    await vi.waitFor(() => expect(calls.find((c) => c.url === '/tickets/5/dispatch/accept')?.data).toEqual({ note: null }))
    await vi.waitFor(() => expect(toastTexts()).toContain('已接单'))
  })

  it('opens to the unit’s own volunteers only when asked', async () => {
    const calls = backend()
    await mountBoard(['DISPATCHER'])
    button('发布给志愿者', drawer()).click()
    await settle()
    const dialog = dialogTitled('发布给志愿者')
    const radios = [...dialog.querySelectorAll('.el-radio')]
    expect(radios.map((r) => r.textContent.trim())).toEqual(['所有符合条件的志愿者', '只限共青团广州市天河区委员会的志愿者'])
    radios[1].querySelector('input').click()
    await settle()
    button('确定发布给志愿者', dialog).click()
    await vi.waitFor(() => expect(calls.find((c) => c.url === '/tickets/5/open')?.data).toEqual({ note: null, ownVolunteersOnly: true }))
  })

  it('assigns a volunteer picked from the assignable list', async () => {
    const calls = backend({
      'GET /tickets/5/assignable-volunteers': () => ({
        data: [
          { id: 31, name: '李*', distanceKm: 1.24, activeTasks: 0 },
          { id: 32, name: '陈*明', distanceKm: 3.5, activeTasks: 2 },
        ],
      }),
    })
    await mountBoard(['DISPATCHER'])
    button('指派志愿者', drawer()).click()
    await settle()
    const dialog = dialogTitled('指派志愿者')
    const rows = [...dialog.querySelectorAll('.el-table__body-wrapper tr')]
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringContaining('1.2 公里'), expect.stringContaining('陈*明')])
    expect(rows[1].textContent).toContain('2')

    button('确定指派', dialog).click()
    await settle()
    expect(dialog.textContent).toContain('请选择一位志愿者')
    expect(calls.some((c) => c.url === '/tickets/5/assign')).toBe(false)

    rows[1].querySelector('.el-radio input').click()
    await settle()
    button('确定指派', dialog).click()
    await vi.waitFor(() => expect(calls.find((c) => c.url === '/tickets/5/assign')?.data).toEqual({ volunteerId: 32, note: null }))
  })

  it('shows why no volunteer can be assigned', async () => {
    backend({ 'GET /tickets/5/assignable-volunteers': () => apiError(409, 'TICKET_STATE_CONFLICT', '求助已被认领') })
    await mountBoard(['DISPATCHER'])
    button('指派志愿者', drawer()).click()
    await settle()
    await vi.waitFor(() => expect(dialogTitled('指派志愿者').textContent).toContain('求助已被认领'))
  })

  it('records a follow-up call: the rating only with a confirmation', async () => {
    const calls = backend()
    await mountBoard(['DISPATCHER'], '/tickets?id=7')
    expect(drawerButtons()).toEqual(['记录回访', '查看原文', '刷新'])
    button('记录回访', drawer()).click()
    await settle()
    const dialog = dialogTitled('记录回访')
    button('确定记录回访', dialog).click()
    await vi.waitFor(() => expect(fieldError(dialog, '回访结果')).toBe('请选择回访结果'))

    const outcome = (label) => [...dialog.querySelectorAll('.el-radio')].find((r) => r.textContent.trim() === label)
    outcome('家属确认已解决').querySelector('input').click()
    await settle()
    expect(formItem(dialog, '家属评价（选填）')).toBeTruthy()
    dialog.querySelectorAll('.el-rate__item')[3].click()
    await settle()
    await type(formItem(dialog, '回访记录').querySelector('textarea'), '药已收到')
    button('确定记录回访', dialog).click()
    await vi.waitFor(() =>
      expect(calls.find((c) => c.url === '/tickets/7/follow-ups')?.data).toEqual({ outcome: 'CONFIRMED', rating: 4, note: '药已收到' }),
    )
    await vi.waitFor(() => expect(drawer().querySelector('.status-tag').textContent.trim()).toBe('已确认'))
  })

  it('reloads the request when the step is no longer this member\'s', async () => {
    const calls = backend({
      'POST /tickets/5/dispatch/accept': () => apiError(403, 'NOT_YOUR_STEP', '这一步应由承办单位操作'),
    })
    await mountBoard(['DISPATCHER'])
    const loads = calls.filter((c) => c.url === '/tickets/5').length
    button('接单', drawer()).click()
    await settle()
    button('确定接单', dialogTitled('接单')).click()
    await vi.waitFor(() => expect(toastTexts()).toContain('这一步应由承办单位操作'))
    await vi.waitFor(() => expect(calls.filter((c) => c.url === '/tickets/5').length).toBe(loads + 1))
  })

  it('asks for a take-over by a typed request number and shows the API message on it', async () => {
    const calls = backend({
      'POST /tickets/takeovers': (call) =>
        call.data.ticketId === 404 ? apiError(404, 'TICKET_NOT_FOUND', '求助不存在') : { status: 201, data: { id: 1, ticketId: call.data.ticketId } },
    })
    await mountBoard(['DISPATCHER'], '/tickets')
    button('申请转办').click()
    await settle()
    const dialog = dialogTitled('申请转办')
    button('提交申请', dialog).click()
    await vi.waitFor(() => expect(fieldError(dialog, '求助编号')).toBe('请填写求助编号'))
    await vi.waitFor(() => expect(fieldError(dialog, '申请原因')).toBe('请填写申请原因'))

    await type(formItem(dialog, '求助编号').querySelector('input'), '404')
    formItem(dialog, '求助编号').querySelector('input').dispatchEvent(new Event('change'))
    await type(formItem(dialog, '申请原因').querySelector('textarea'), '家属住在本区')
    button('提交申请', dialog).click()
    await vi.waitFor(() => expect(fieldError(dialog, '求助编号')).toBe('求助不存在'))
    expect(toastTexts()).toContain('求助不存在')

    await type(formItem(dialog, '求助编号').querySelector('input'), '128')
    formItem(dialog, '求助编号').querySelector('input').dispatchEvent(new Event('change'))
    button('提交申请', dialog).click()
    await vi.waitFor(() => expect(calls.filter((c) => c.url === '/tickets/takeovers').at(-1).data).toEqual({ ticketId: 128, reason: '家属住在本区' }))
    await vi.waitFor(() => expect(toastTexts()).toContain('已提交转办申请，等待对方单位审批'))
  })

  it('hides intake and take-over from a viewer', async () => {
    backend()
    await mountBoard(['VIEWER'], '/tickets')
    expect(buttonTexts(document.querySelector('.toolbar'))).toEqual(['刷新'])
  })
})
