import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import { bindSession } from '@/api/request'
import { useSessionStore } from '@/stores/session'
import TakeoversView from '@/views/tickets/TakeoversView.vue'
import FollowUpsView from '@/views/followUps/FollowUpsView.vue'
import { apiError, fakeBackend, makeRouter, settle, staffView, toastTexts } from './helpers'

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
})

async function mountAs(component, roles, path) {
  session.staff = staffView({ roles })
  await router.push(path)
  wrapper = mount(component, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await settle()
}

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
async function type(input, value) {
  input.value = value
  input.dispatchEvent(new Event('input'))
  await settle()
}
const bodyRows = (table) => [...document.querySelectorAll(`${table} .el-table__body-wrapper tr`)]

const TAKEOVERS = [
  {
    id: 1,
    ticketId: 128,
    fromOrgName: '共青团广州市越秀区委员会',
    toOrgName: '共青团广州市天河区委员会',
    requestedByName: '李强',
    reason: '家属住在天河区',
    status: 'PENDING',
    statusLabel: '待审批',
    createdAt: '2026-11-25T09:00:00',
    autoApproveAt: '2026-11-26T09:00:00',
    decidable: true,
  },
  {
    id: 2,
    ticketId: 130,
    fromOrgName: '共青团广州市天河区委员会',
    toOrgName: '共青团广州市海珠区委员会',
    requestedByName: '周敏',
    reason: '本区志愿者更近',
    status: 'DECLINED',
    statusLabel: '已拒绝',
    createdAt: '2026-11-24T09:00:00',
    autoApproveAt: '2026-11-25T09:00:00',
    decidable: false,
  },
]

describe('转办申请 page', () => {
  it('lists take-over requests and lets the member decide those marked decidable', async () => {
    const calls = fakeBackend((call) => {
      if (call.url === '/tickets/takeovers' && call.method === 'GET') return { data: TAKEOVERS }
      if (call.url === '/tickets/takeovers/1/decline') return { data: { ...TAKEOVERS[0], status: 'DECLINED' } }
      return { status: 404 }
    })
    await mountAs(TakeoversView, ['DISPATCHER'], '/takeovers')

    const rows = bodyRows('.takeovers-table')
    expect(rows).toHaveLength(2)
    expect(rows[0].textContent).toContain('#128')
    expect(rows[0].textContent).toContain('共青团广州市越秀区委员会')
    expect(rows[0].textContent).toContain('待审批')
    expect(rows[0].textContent).toContain('2026-11-26 09:00')
    expect(rows[1].textContent).toContain('已拒绝')
    // the fixed action column renders its own copy of the rows
    const actionCells = [...document.querySelectorAll('.takeovers-table .el-table-fixed-column--right .cell')].map((c) => c.textContent.trim())
    expect(actionCells.filter((t) => t.includes('同意'))).toHaveLength(1)

    button('拒绝').click()
    await settle()
    const dialog = dialogTitled('拒绝转办：求助 #128')
    expect(dialog.textContent).toContain('家属住在天河区')
    await type(dialog.querySelector('textarea'), '本单位已安排志愿者')
    button('确定拒绝', dialog).click()
    await vi.waitFor(() => expect(calls.find((c) => c.url === '/tickets/takeovers/1/decline')?.data).toEqual({ note: '本单位已安排志愿者' }))
    await vi.waitFor(() => expect(toastTexts()).toContain('已拒绝转办'))
    expect(calls.filter((c) => c.url === '/tickets/takeovers' && c.method === 'GET')).toHaveLength(2)
  })

  it('shows the API message when the request was decided meanwhile, and reloads', async () => {
    const calls = fakeBackend((call) => {
      if (call.url === '/tickets/takeovers' && call.method === 'GET') return { data: TAKEOVERS }
      if (call.url === '/tickets/takeovers/1/approve') return apiError(409, 'TAKEOVER_DECIDED', '该申请已处理')
      return { status: 404 }
    })
    await mountAs(TakeoversView, ['ORG_ADMIN'], '/takeovers')
    button('同意').click()
    await settle()
    button('确定同意', dialogTitled('同意转办')).click()
    await vi.waitFor(() => expect(toastTexts()).toContain('该申请已处理'))
    expect(calls.find((c) => c.url === '/tickets/takeovers/1/approve').data).toEqual({ note: null })
    await vi.waitFor(() => expect(calls.filter((c) => c.url === '/tickets/takeovers' && c.method === 'GET')).toHaveLength(2))
  })

  it('shows a viewer the list without any decision or request button', async () => {
    fakeBackend((call) => (call.url === '/tickets/takeovers' ? { data: TAKEOVERS } : { status: 404 }))
    await mountAs(TakeoversView, ['VIEWER'], '/takeovers')
    expect(bodyRows('.takeovers-table')).toHaveLength(2)
    expect(buttonTexts()).toEqual(['刷新'])
  })

  it('shows the load error with a retry', async () => {
    fakeBackend(() => apiError(500, 'INTERNAL_ERROR', '服务器开小差了，请稍后重试'))
    await mountAs(TakeoversView, ['VIEWER'], '/takeovers')
    expect(document.querySelector('.el-table__empty-block').textContent).toContain('服务器开小差了，请稍后重试')
  })
})

const DONE = {
  id: 7,
  category: 'MEALS',
  categoryLabel: '送餐',
  status: 'DONE',
  statusLabel: '已完成待确认',
  description: '送一周午饭',
  contactPhone: '137****0001',
  dispatch: { unitName: '共青团广州市天河区委员会', deadline: '2026-11-26T09:00:00', overdue: false },
  actions: ['FOLLOW_UP'],
  lastFollowUp: { outcome: 'NOT_REACHED', outcomeLabel: '未联系上', note: '无人接听', staffName: '王芳', at: '2026-11-25T10:30:00' },
}

describe('回访 page', () => {
  it('lists requests with their last call and records an outcome from the row', async () => {
    const calls = fakeBackend((call) => {
      if (call.url === '/tickets/follow-ups') return { data: { items: [DONE, { ...DONE, id: 8, lastFollowUp: null, actions: [] }], total: 2, page: 1, size: 20 } }
      if (call.url === '/tickets/7/follow-ups') return { data: { ...DONE, status: 'CONFIRMED' } }
      return { status: 404 }
    })
    await mountAs(FollowUpsView, ['DISPATCHER'], '/follow-ups')
    expect(calls[0].params).toEqual({ page: 1, size: 20 })
    const rows = bodyRows('.follow-ups-table')
    expect(rows[0].textContent).toContain('未联系上')
    expect(rows[0].textContent).toContain('王芳')
    expect(rows[0].textContent).toContain('无人接听')
    expect(rows[0].textContent).toContain('137****0001')
    expect(rows[1].textContent).toContain('尚未回访')
    // only the row whose actions list FOLLOW_UP offers the call
    expect(rows[0].querySelector('.outcome-buttons')).not.toBeNull()
    expect(rows[1].querySelector('.outcome-buttons')).toBeNull()

    button('已办好', document.querySelector('.outcome-buttons')).click()
    await settle()
    const dialog = dialogTitled('记录回访：求助 #7')
    // the outcome picked in the row is preselected
    expect(dialog.querySelector('.el-radio.is-checked').textContent.trim()).toBe('家属确认已解决')
    button('确定记录回访', dialog).click()
    await vi.waitFor(() => expect(calls.find((c) => c.url === '/tickets/7/follow-ups')?.data).toEqual({ outcome: 'CONFIRMED', rating: null, note: null }))
    await vi.waitFor(() => expect(calls.filter((c) => c.url === '/tickets/follow-ups')).toHaveLength(2))
  })

  it('shows a viewer the list without recording buttons', async () => {
    fakeBackend((call) => (call.url === '/tickets/follow-ups' ? { data: { items: [{ ...DONE, actions: [] }], total: 1, page: 1, size: 20 } } : { status: 404 }))
    await mountAs(FollowUpsView, ['VIEWER'], '/follow-ups')
    expect(document.querySelector('.outcome-buttons')).toBeNull()
    expect(document.body.textContent).not.toContain('记录回访')
  })

  it('shows an empty list as such', async () => {
    fakeBackend(() => ({ data: { items: [], total: 0, page: 1, size: 20 } }))
    await mountAs(FollowUpsView, ['DISPATCHER'], '/follow-ups')
    expect(document.querySelector('.el-table__empty-block').textContent).toContain('暂无需要回访的求助')
  })
})
