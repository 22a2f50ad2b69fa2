import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import { bindSession } from '@/api/request'
import { useSessionStore } from '@/stores/session'
import DashboardView from '@/views/dashboard/DashboardView.vue'
import LedgerView from '@/views/ledger/LedgerView.vue'
import { figureTitle, formatMinutes, formatRating, pieOption, trendOption } from '@/utils/ledger'
import { shanghaiDate } from '@/utils/format'
import { apiError, fakeBackend, makeRouter, settle, staffView, toastTexts } from './helpers'

// ECharts needs a canvas: the tests check the options the page hands it.
const charts = vi.hoisted(() => [])
vi.mock('@/utils/echarts', () => ({
  default: {
    init: () => {
      const chart = { options: [], setOption: (o) => chart.options.push(o), resize() {}, dispose() {} }
      charts.push(chart)
      return chart
    },
  },
}))

let pinia
let session
let router
let wrapper

beforeEach(() => {
  charts.length = 0
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
  session.staff = staffView({ roles, displayName: '王芳', orgName: '共青团广州市委员会' })
  await router.push(path)
  wrapper = mount(component, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await settle()
}

function button(text, root = document) {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === text)
  if (!found) throw new Error(`no button ${text}`)
  return found
}

const today = shanghaiDate()
const LEDGER = {
  orgId: 2,
  orgName: '共青团广州市委员会',
  date: today,
  live: true,
  newTotal: 12,
  newByCategory: [
    { key: 'MEALS', label: '送餐', count: 5 },
    { key: 'DAILY_LIVING', label: '代购代办', count: 7 },
  ],
  newByChannel: [
    { key: 'MINI_PROGRAM', label: '小程序', count: 9 },
    { key: 'HOTLINE_12355', label: '12355 热线', count: 3 },
  ],
  accepted: 10,
  dispatched: 6,
  claimed: 4,
  done: 3,
  confirmed: 2,
  overdue: 1,
  openAtEnd: 9,
  medianFirstResponseMinutes: 42,
  medianDoneMinutes: 200,
  averageRating: 4.5,
  ratedCount: 2,
}
const STATUS = [
  { status: 'SUBMITTED', label: '已提交', count: 2 },
  { status: 'DISPATCHED', label: '已派单', count: 6 },
]
const TREND = [
  { date: '2026-11-24', newTotal: 8, done: 2, confirmed: 1, overdue: 0, openAtEnd: 7 },
  { date: '2026-11-25', newTotal: 12, done: 3, confirmed: 2, overdue: 1, openAtEnd: 9 },
]

describe('工作台 dashboard', () => {
  it('shows today’s figures (overdue in red) and hands the charts their data', async () => {
    const calls = fakeBackend((call) => {
      if (call.url === '/ledger') return { data: LEDGER }
      if (call.url === '/ledger/status') return { data: STATUS }
      if (call.url === '/ledger/trend') return { data: TREND }
      return { status: 404 }
    })
    await mountAs(DashboardView, ['VIEWER'], '/dashboard')

    expect(calls.find((c) => c.url === '/ledger').params).toEqual({ date: today })
    expect(calls.find((c) => c.url === '/ledger/trend').params).toEqual({ days: 14 })
    const cards = [...document.querySelectorAll('.figure-card')].map((c) => c.textContent.replace(/\s+/g, ''))
    expect(cards).toEqual(['12新增需求', '10受理', '6派单', '4志愿者认领', '3办结', '2家属确认', '1超时未办结', '9日终在办'])
    expect(document.querySelector('.figure-card.danger').textContent).toContain('超时未办结')
    expect(document.body.textContent).toContain('42 分钟')
    expect(document.body.textContent).toContain('3 小时 20 分钟')
    expect(document.body.textContent).toContain('4.5 分（2 人评价）')
    expect(document.body.textContent).toContain('实时')

    await vi.waitFor(() => expect(charts).toHaveLength(3))
    const [category, status, trend] = charts.map((c) => c.options.at(-1))
    expect(category.xAxis.data).toEqual(['送餐', '代购代办'])
    expect(category.series[0].data).toEqual([5, 7])
    expect(status.series[0].data).toEqual([{ name: '已提交', value: 2 }, { name: '已派单', value: 6 }])
    expect(trend.xAxis.data).toEqual(['11-24', '11-25'])
    expect(trend.series.find((s) => s.name === '超时').data).toEqual([0, 1])

    document.querySelector('[data-figure="overdue"]').click()
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('ledger'))
    expect(router.currentRoute.value.query).toEqual({ date: today, figure: 'overdue' })
  })

  it('shows the API message when the ledger does not load, and the other charts still', async () => {
    fakeBackend((call) => {
      if (call.url === '/ledger') return apiError(503, 'LEDGER_UNAVAILABLE', '台账暂时无法统计，请稍后重试')
      if (call.url === '/ledger/status') return { data: STATUS }
      if (call.url === '/ledger/trend') return { data: [] }
      return { status: 404 }
    })
    await mountAs(DashboardView, ['VIEWER'], '/dashboard')
    expect(document.querySelector('.dash-error').textContent).toContain('台账暂时无法统计，请稍后重试')
    expect(document.body.textContent).toContain('暂无数据')
    await vi.waitFor(() => expect(charts).toHaveLength(3))
  })
})

describe('工作台账 page', () => {
  it('lays the figures out as tables and opens the requests behind one', async () => {
    const calls = fakeBackend((call) => {
      if (call.url === '/ledger') return { data: { ...LEDGER, date: '2026-11-24', live: false } }
      if (call.url === '/orgs/tree') return { data: [{ id: 2, name: '共青团广州市委员会', children: [] }] }
      if (call.url === '/ledger/drill') {
        return {
          data: {
            items: [{ id: 41, categoryLabel: '送餐', status: 'DISPATCHED', statusLabel: '已派单', channelLabel: '12355 热线', district: '广州市天河区', description: '送午饭', createdAt: '2026-11-24T09:00:00', dispatch: { unitName: '天河区团委', deadline: '2026-11-24T18:00:00', overdue: true } }],
            total: 1,
            page: 1,
            size: 20,
          },
        }
      }
      return { status: 404 }
    })
    await mountAs(LedgerView, ['VIEWER'], '/ledger?date=2026-11-24')
    expect(calls.find((c) => c.url === '/ledger').params).toEqual({ date: '2026-11-24' })
    const flow = document.querySelector('.flow-table').textContent
    expect(flow).toContain('新增需求')
    expect(flow).toContain('日终在办')
    expect(document.querySelector('.category-table').textContent).toContain('代购代办')
    expect(document.querySelector('.channel-table').textContent).toContain('12355 热线')

    ;[...document.querySelectorAll('.category-table .el-link')].find((l) => l.textContent.trim() === '7').click()
    await settle()
    expect(calls.find((c) => c.url === '/ledger/drill').params).toEqual({ date: '2026-11-24', figure: 'category:DAILY_LIVING', page: 1, size: 20 })
    expect(document.querySelector('.drill-card').textContent).toContain('明细：新增需求 · 代购代办')
    const row = document.querySelector('.drill-table .el-table__body-wrapper tr').textContent
    expect(row).toContain('#41')
    expect(row).toContain('天河区团委')
    expect(row).toContain('超时')

    document.querySelector('.flow-table [data-figure="overdue"]').click()
    await settle()
    expect(calls.filter((c) => c.url === '/ledger/drill').at(-1).params.figure).toBe('overdue')
    expect(router.currentRoute.value.query.figure).toBe('overdue')
  })

  it('never asks for a future day, and downloads the Excel under the server’s name', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const calls = fakeBackend((call) => {
      if (call.url === '/ledger') return { data: LEDGER }
      if (call.url === '/orgs/tree') return { data: [] }
      if (call.url === '/ledger/excel') {
        return { data: new Blob(['PK']), headers: { 'content-disposition': "attachment; filename*=UTF-8''%E5%B7%A5%E4%BD%9C%E5%8F%B0%E8%B4%A6.xlsx" } }
      }
      return { status: 404 }
    })
    await mountAs(LedgerView, ['VIEWER'], '/ledger?date=2999-01-01')
    expect(calls.find((c) => c.url === '/ledger').params).toEqual({ date: today })

    button('下载 Excel').click()
    await vi.waitFor(() => expect(toastTexts()).toContain('已下载 工作台账.xlsx'))
    expect(calls.find((c) => c.url === '/ledger/excel').params).toEqual({ date: today })
    expect(click).toHaveBeenCalled()
  })

  it('shows the API message of a failed download', async () => {
    fakeBackend((call) => {
      if (call.url === '/ledger') return { data: LEDGER }
      if (call.url === '/orgs/tree') return { data: [] }
      if (call.url === '/ledger/excel') {
        return { status: 403, data: new Blob([JSON.stringify({ code: 'FORBIDDEN', message: '不能下载其他单位的台账' })]) }
      }
      return { status: 404 }
    })
    await mountAs(LedgerView, ['VIEWER'], '/ledger')
    button('下载 Excel').click()
    await vi.waitFor(() => expect(toastTexts()).toContain('不能下载其他单位的台账'))
  })
})

describe('ledger helpers', () => {
  it('formats durations, ratings and figure titles in Chinese', () => {
    expect(formatMinutes(null)).toBe('—')
    expect(formatMinutes(5)).toBe('5 分钟')
    expect(formatMinutes(120)).toBe('2 小时')
    expect(formatMinutes(60 * 50)).toBe('2 天 2 小时')
    expect(formatRating(null, 0)).toBe('暂无评价')
    expect(formatRating(4, 3)).toBe('4.0 分（3 人评价）')
    expect(figureTitle('overdue')).toBe('超时未办结')
    expect(figureTitle('channel:HOTLINE_12355', LEDGER)).toBe('新增需求 · 12355 热线')
  })

  it('leaves empty slices out of a pie and zero-fills a trend', () => {
    expect(pieOption([{ label: 'a', count: 0 }, { label: 'b', count: 2 }]).series[0].data).toEqual([{ name: 'b', value: 2 }])
    expect(trendOption([{ date: '2026-11-25' }]).series.map((s) => s.data)).toEqual([[0], [0], [0], [0], [0]])
  })
})
