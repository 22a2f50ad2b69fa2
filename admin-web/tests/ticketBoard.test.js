import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import { bindSession } from '@/api/request'
import { useSessionStore } from '@/stores/session'
import TicketsView from '@/views/tickets/TicketsView.vue'
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

async function mountBoard(roles, path = '/tickets') {
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
async function type(input, value) {
  input.value = value
  input.dispatchEvent(new Event('input'))
  await settle()
}
const drawer = () => document.querySelector('.ticket-drawer')
const drawerButtons = () => buttonTexts(drawer().querySelector('.drawer-actions'))

// --- fixtures as the API sends them (nulls left out)
const MEALS = {
  id: 1,
  familyId: 1,
  category: 'MEALS',
  categoryLabel: '送餐',
  urgency: 'NORMAL',
  status: 'SUBMITTED',
  statusLabel: '已提交',
  channel: 'MINI_PROGRAM',
  crisis: false,
  contentCheck: 'REVIEW',
  description: '两位老人在家，想请志愿者帮忙送几天午饭',
  address: '广州市天河区****',
  district: '广州市天河区',
  preferredTime: { start: '2026-11-28T11:00:00', end: '2026-11-28T12:30:00', ordered: true },
  contactMethod: 'PHONE_CALL',
  contactPhone: '137****0001',
  photoUrls: ['https://oss.example/tickets/u1/a.jpg?sig=1'],
  donePhotoUrls: [],
  createdAt: '2026-11-25T23:07:27.848',
  updatedAt: '2026-11-25T23:07:27.848',
  history: [{ action: 'SUBMIT', actionLabel: '提交求助', toStatus: 'SUBMITTED', actor: '家属', at: '2026-11-25T23:07:27.852' }],
  dispatch: null,
  actions: ['ACCEPT', 'REJECT', 'CLOSE'],
}
const CRISIS = {
  ...MEALS,
  id: 2,
  familyId: 2,
  category: 'PSYCHOLOGICAL',
  categoryLabel: '心理疏导',
  urgency: 'CRISIS',
  status: 'ACCEPTED',
  statusLabel: '已受理',
  crisis: true,
  description: '孩子最近情绪很差',
  photoUrls: [],
  actions: ['OPEN', 'COMPLETE', 'REJECT', 'CLOSE'],
  history: [
    ...MEALS.history,
    { action: 'ACCEPT', actionLabel: '受理', fromStatus: 'SUBMITTED', toStatus: 'ACCEPTED', actor: '系统', note: '心理危机：已立即通知值班心理专家和工作人员', at: '2026-11-25T23:07:33.364' },
  ],
}
const summary = ({ history: _h, photoUrls: _p, donePhotoUrls: _d, ...rest }) => rest

/** A small backend: the board, the detail, reveal and the moves on request #1. */
function boardBackend(overrides = {}) {
  let current = { ...MEALS }
  return fakeBackend((call) => {
    const handled = overrides[`${call.method} ${call.url}`]?.(call)
    if (handled) return handled
    if (call.url === '/tickets') return { data: page([summary(CRISIS), summary(current)]) }
    if (call.url === '/orgs/tree') {
      return {
        data: [{ id: 2, name: '共青团广州市委员会', type: 'CITY_LEAGUE', region: '广州市', children: [
          { id: 3, name: '共青团广州市天河区委员会', type: 'DISTRICT_LEAGUE', region: '广州市天河区', children: [] },
          { id: 4, name: '共青团广州市越秀区委员会', type: 'DISTRICT_LEAGUE', region: '广州市越秀区', children: [] },
        ] }],
      }
    }
    if (call.url === '/tickets/2') return { data: CRISIS }
    if (call.url === '/tickets/1' && call.method === 'GET') return { data: current }
    if (call.url === '/tickets/1/reveal') {
      return { data: { ...current, address: '广州市天河区体育西路10号1栋101房', contactPhone: '13700000001' } }
    }
    if (call.url === '/tickets/1/accept') {
      current = {
        ...current,
        status: 'ACCEPTED',
        statusLabel: '已受理',
        contentCheck: 'CLEARED',
        actions: ['DISPATCH', 'OPEN', 'COMPLETE', 'REJECT', 'CLOSE'],
        history: [
          ...current.history,
          { action: 'ACCEPT', actionLabel: '受理', fromStatus: 'SUBMITTED', toStatus: 'ACCEPTED', actor: '工作人员 广州市团委派单员', note: call.data.note, at: '2026-11-25T23:10:00' },
        ],
      }
      return { data: current }
    }
    if (call.url === '/tickets/1/close') {
      current = { ...current, status: 'CLOSED', statusLabel: '已关闭', closeReason: call.data.reason, actions: [] }
      return { data: current }
    }
    return { status: 404 }
  })
}

describe('求助工单 board', () => {
  it('lists requests with Chinese labels, crises highlighted, and shows a viewer the detail without actions', async () => {
    // the backend offers a viewer no actions
    boardBackend({ 'GET /tickets/1': () => ({ data: { ...MEALS, actions: [] } }) })
    await mountBoard(['VIEWER'])
    expect(buttonTexts(document.querySelector('.toolbar'))).toEqual(['刷新'])

    const rows = [...document.querySelectorAll('.tickets-table .el-table__body-wrapper tr')]
    expect(rows).toHaveLength(2)
    expect(rows[0].classList.contains('crisis-row')).toBe(true)
    expect(rows[1].classList.contains('crisis-row')).toBe(false)
    expect(rows[0].textContent).toContain('危急')
    expect(rows[0].textContent).toContain('心理危机')
    expect(rows[1].textContent).toContain('#1')
    expect(rows[1].textContent).toContain('送餐')
    expect(rows[1].textContent).toContain('一般')
    expect(rows[1].textContent).toContain('已提交')
    expect(rows[1].textContent).toContain('文字待审核')
    expect(rows[1].textContent).toContain('小程序')
    expect(rows[1].textContent).toContain('广州市天河区')
    expect(rows[1].textContent).toContain('2026-11-25 23:07')

    button('详情', rows[1]).click()
    await settle()
    const text = drawer().textContent
    expect(text).toContain('求助详情 #1')
    expect(text).toContain('广州市天河区****')
    expect(text).toContain('137****0001')
    expect(text).toContain('电话') // contact method
    expect(text).toContain('2026-11-28 11:00–12:30')
    expect(text).toContain('提交求助')
    expect(drawer().querySelectorAll('.photos .el-image')).toHaveLength(1)
    expect(drawerButtons()).toEqual(['刷新'])
    expect(router.currentRoute.value.query.id).toBe('1')
  })

  it('sends the switches only when on, and starts again at page 1', async () => {
    const calls = boardBackend()
    await mountBoard(['DISPATCHER'])
    expect(calls.find((c) => c.url === '/tickets').params).toEqual({ page: 1, size: 20 })

    const switches = wrapper.findAll('.el-switch')
    await switches[3].trigger('click') // 待审核文字
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(calls.filter((c) => c.url === '/tickets').at(-1).params).toEqual({ review: true, page: 1, size: 20 })

    await switches[2].trigger('click') // 只看危机
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(calls.filter((c) => c.url === '/tickets').at(-1).params).toEqual({ crisis: true, review: true, page: 1, size: 20 })

    await switches[0].trigger('click') // 派给本单位的
    await switches[1].trigger('click') // 是否超时
    formItem(document, '区').querySelector('.el-select__wrapper').click()
    await settle()
    ;[...document.querySelectorAll('.el-select-dropdown__item')].find((o) => o.textContent.trim() === '广州市天河区').click()
    await settle()
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(calls.filter((c) => c.url === '/tickets').at(-1).params).toEqual({
      district: '广州市天河区', crisis: true, review: true, overdue: true, assigned: 'mine', page: 1, size: 20,
    })

    button('重置').click()
    await settle()
    expect(calls.filter((c) => c.url === '/tickets').at(-1).params).toEqual({ page: 1, size: 20 })
  })

  it('searches by text and by submission dates', async () => {
    const calls = boardBackend()
    await mountBoard(['DISPATCHER'])
    const input = formItem(document, '搜索').querySelector('input')
    input.value = '  13800138000 '
    input.dispatchEvent(new Event('input'))
    await settle()
    wrapper.findComponent({ name: 'ElDatePicker' }).vm.$emit('update:modelValue', ['2026-12-01', '2026-12-06'])
    await settle()
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(calls.filter((c) => c.url === '/tickets').at(-1).params).toEqual({
      q: '13800138000', from: '2026-12-01', to: '2026-12-06', page: 1, size: 20,
    })

    button('重置').click()
    await settle()
    expect(calls.filter((c) => c.url === '/tickets').at(-1).params).toEqual({ page: 1, size: 20 })
  })

  it('shows the load error with a retry', async () => {
    let fail = true
    fakeBackend((call) => {
      if (call.url === '/tickets') return fail ? apiError(500, 'INTERNAL_ERROR', '服务器开小差了，请稍后重试') : { data: page([summary(MEALS)]) }
      return { status: 404 }
    })
    await mountBoard(['VIEWER'])
    expect(document.querySelector('.el-table__empty-block').textContent).toContain('服务器开小差了，请稍后重试')
    fail = false
    button('重新加载').click()
    await settle()
    expect(document.querySelector('.tickets-table .el-table__body-wrapper tr').textContent).toContain('送餐')
  })

  it('lets a dispatcher accept with a note: the status, history and list follow', async () => {
    const calls = boardBackend()
    await mountBoard(['DISPATCHER'], '/tickets?id=1')

    // the route opened the request; a text under review cannot go to volunteers yet
    expect(drawer().textContent).toContain('受理即视为审核通过')
    expect(drawerButtons()).toEqual(['受理', '不予受理', '关闭', '查看原文', '刷新'])
    const listLoads = calls.filter((c) => c.url === '/tickets').length

    button('受理', drawer()).click()
    await settle()
    const dialog = dialogTitled('受理：求助 #1')
    await type(dialog.querySelector('textarea'), '已电话联系家属')
    button('确定受理', dialog).click()

    await vi.waitFor(() => expect(calls.some((c) => c.url === '/tickets/1/accept')).toBe(true))
    expect(calls.find((c) => c.url === '/tickets/1/accept')).toMatchObject({ method: 'POST', data: { note: '已电话联系家属' } })
    await vi.waitFor(() => expect(drawer().querySelector('.status-tag').textContent.trim()).toBe('已受理'))
    const history = texts('.ticket-drawer .el-timeline-item')
    expect(history).toHaveLength(2)
    expect(history[1]).toContain('受理')
    expect(history[1]).toContain('工作人员 广州市团委派单员')
    expect(history[1]).toContain('已提交 → 已受理')
    expect(history[1]).toContain('已电话联系家属')
    expect(drawerButtons()).toEqual(['派单', '发布给志愿者', '直接办结', '不予受理', '关闭', '查看原文', '刷新'])
    expect(toastTexts()).toContain('已受理')
    expect(calls.filter((c) => c.url === '/tickets').length).toBe(listLoads + 1)
  })

  it('asks for the reason before rejecting, without calling the API', async () => {
    const calls = boardBackend()
    await mountBoard(['ORG_ADMIN'], '/tickets?id=1')

    button('不予受理', drawer()).click()
    await settle()
    const dialog = dialogTitled('不予受理')
    button('确定不予受理', dialog).click()

    await vi.waitFor(() => expect(formItem(dialog, '不予受理原因').querySelector('.el-form-item__error')?.textContent.trim()).toBe('请填写不予受理原因'))
    expect(calls.some((c) => c.url === '/tickets/1/reject')).toBe(false)
  })

  it('shows the API message when someone else moved the request first, and reloads it', async () => {
    const message = '求助当前为“已受理”，不能这样操作，请刷新后查看'
    const calls = boardBackend({
      'POST /tickets/1/accept': () => apiError(409, 'TICKET_STATE_CONFLICT', message, [{ field: 'status', message: 'ACCEPTED' }]),
    })
    await mountBoard(['DISPATCHER'], '/tickets?id=1')
    const detailLoads = calls.filter((c) => c.url === '/tickets/1').length

    button('受理', drawer()).click()
    await settle()
    button('确定受理', dialogTitled('受理')).click()

    await vi.waitFor(() => expect(toastTexts()).toContain(message))
    await vi.waitFor(() => expect(calls.filter((c) => c.url === '/tickets/1').length).toBe(detailLoads + 1))
    await settle()
    expect(dialogTitled('受理').closest('.el-overlay').style.display).toBe('none')
  })

  it('closes as a duplicate with the chosen reason and shows it', async () => {
    const calls = boardBackend()
    await mountBoard(['SUPER_ADMIN'], '/tickets?id=1')

    button('关闭', drawer()).click()
    await settle()
    const dialog = dialogTitled('关闭：求助 #1')
    expect(texts('.el-radio', dialog)).toEqual(['重复提交', '已由其他渠道解决'])
    dialog.querySelector('.el-radio input').click()
    await settle()
    await type(dialog.querySelector('textarea'), '与 #3 重复')
    button('确定关闭', dialog).click()

    await vi.waitFor(() => expect(calls.some((c) => c.url === '/tickets/1/close')).toBe(true))
    expect(calls.find((c) => c.url === '/tickets/1/close').data).toEqual({ reason: 'DUPLICATE', note: '与 #3 重复' })
    await vi.waitFor(() => expect(drawer().textContent).toContain('关闭原因'))
    expect(drawer().textContent).toContain('重复提交')
    expect(drawerButtons()).toEqual(['查看原文', '刷新'])
  })

  it('shows address and phone in clear after a reason, and says it was recorded', async () => {
    const calls = boardBackend()
    await mountBoard(['DISPATCHER'], '/tickets?id=1')

    button('查看原文', drawer()).click()
    await settle()
    const reveal = dialogTitled('查看地址和电话原文')
    expect(reveal.textContent).toContain('求助 #1')
    await type(reveal.querySelector('textarea'), '电话回访家属')
    button('确认查看', reveal).click()

    await vi.waitFor(() => expect(drawer().textContent).toContain('广州市天河区体育西路10号1栋101房'))
    expect(drawer().textContent).toContain('13700000001')
    expect(drawer().textContent).toContain('已记录查看')
    expect(calls.find((c) => c.url === '/tickets/1/reveal').data).toEqual({ reason: '电话回访家属' })
  })

  it('tells that a crisis accepted by the system was read by no one yet, and that opening it is the review', async () => {
    boardBackend()
    await mountBoard(['DISPATCHER'], '/tickets?id=2')

    expect(drawer().textContent).toContain('心理危机求助：系统已通知值班心理专家')
    expect(drawer().textContent).toContain('发布给志愿者即视为审核通过')
    expect(drawerButtons()).toEqual(['发布给志愿者', '直接办结', '不予受理', '关闭', '查看原文', '刷新'])
  })
})
