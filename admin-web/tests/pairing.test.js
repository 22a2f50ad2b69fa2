import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage, ElMessageBox } from 'element-plus'
import { bindSession } from '@/api/request'
import { useSessionStore } from '@/stores/session'
import PairingsView from '@/views/pairings/PairingsView.vue'
import FamilyPairingPanel from '@/views/workers/FamilyPairingPanel.vue'
import CarePlanPanel from '@/views/workers/CarePlanPanel.vue'
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

afterEach(async () => {
  wrapper?.unmount()
  ElMessage.closeAll()
  ElMessageBox.close()
  await settle()
  document.body.innerHTML = ''
})

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
const rows = (selector) => [...document.querySelectorAll(`${selector} .el-table__body-wrapper tr`)]
const messageBox = () => [...document.querySelectorAll('.el-message-box')].at(-1)

// --- fixtures as the API sends them (nulls left out)
const COVERAGE = [
  { orgId: 3, district: '共青团广州市天河区委员会', families: 12, paired: 3, share: 25.0 },
  { orgId: 4, district: '共青团广州市越秀区委员会', families: 12, paired: 9, share: 75.0 },
  { orgId: 9, district: '共青团广州市黄埔区委员会', families: 0, paired: 0, share: 0 },
]
const ACTIVE = {
  id: 7,
  familyId: 11,
  familyLabel: '陈*燕 的家庭',
  district: '广州市天河区',
  volunteerId: 2,
  partnerName: '吴嘉豪',
  partnerKind: 'VOLUNTEER',
  pairedAt: '2026-11-20T09:00:00',
  checkIns: 3,
  lastCheckInAt: '2026-11-25T19:30:00',
}
const ENDED = {
  id: 4,
  familyId: 12,
  familyLabel: '林*栋 的家庭',
  district: '广州市越秀区',
  volunteerId: 5,
  partnerName: '郑思琪',
  partnerKind: 'CADRE',
  pairedAt: '2026-11-01T09:00:00',
  endedAt: '2026-11-18T10:00:00',
  endReason: '医护人员已返岗',
  checkIns: 0,
}

async function mountPairings(roles) {
  session.staff = staffView({ id: 7, orgId: 2, orgName: '共青团广州市委员会', roles })
  await router.push('/pairings')
  wrapper = mount(PairingsView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await settle()
}

function pairingsBackend(overrides = {}) {
  let active = { ...ACTIVE }
  return fakeBackend((call) => {
    const handled = overrides[`${call.method} ${call.url}`]?.(call)
    if (handled) return handled
    if (call.url === '/pairings/coverage') return { data: COVERAGE }
    if (call.url === '/pairings' && call.method === 'GET') {
      const all = [active, ENDED]
      if (call.params?.active === true) return { data: all.filter((p) => !p.endedAt) }
      if (call.params?.active === false) return { data: all.filter((p) => p.endedAt) }
      return { data: all }
    }
    if (call.url === '/pairings/7/end') {
      active = { ...active, endedAt: '2026-11-26T10:00:00', endReason: call.data.reason }
      return { data: active }
    }
    return { status: 404 }
  })
}

describe('手拉手结对 page', () => {
  it('shows the coverage per district with a bar and the total, and the ongoing pairings to a viewer', async () => {
    const calls = pairingsBackend()
    await mountPairings(['VIEWER'])

    const coverage = rows('.coverage-table').map((tr) => tr.textContent)
    expect(coverage).toHaveLength(3)
    expect(coverage[0]).toContain('共青团广州市天河区委员会')
    expect(coverage[0]).toContain('12')
    expect(coverage[0]).toContain('25%')
    expect(coverage[2]).toContain('—') // no families: no share
    const bars = [...document.querySelectorAll('.coverage-table .el-progress-bar__inner')].map((b) => b.style.width)
    expect(bars).toEqual(['25%', '75%', '0%'])
    expect(document.querySelector('.coverage-total').textContent).toContain('登记家庭 24 户，已结对 12 户，覆盖 50%')

    expect(calls.find((c) => c.url === '/pairings').params).toEqual({ active: true })
    const [row] = rows('.pairings-table')
    expect(rows('.pairings-table')).toHaveLength(1)
    expect(row.textContent).toContain('陈*燕 的家庭')
    expect(row.textContent).toContain('广州市天河区')
    expect(row.textContent).toContain('吴嘉豪')
    expect(row.textContent).toContain('志愿者')
    expect(row.textContent).toContain('2026-11-20 09:00')
    expect(row.textContent).toContain('3 次')
    expect(row.textContent).toContain('最近 2026-11-25 19:30')
    expect(row.textContent).toContain('进行中')
    expect(buttonTexts(document.querySelector('.pairings-table'))).not.toContain('结束结对')
  })

  it('switches between ongoing, ended and all', async () => {
    const calls = pairingsBackend()
    await mountPairings(['VIEWER'])

    document.querySelectorAll('.state-filter input')[1].click()
    await settle()
    expect(calls.filter((c) => c.url === '/pairings').at(-1).params).toEqual({ active: false })
    const [ended] = rows('.pairings-table')
    expect(ended.textContent).toContain('已结束')
    expect(ended.textContent).toContain('医护人员已返岗')
    expect(ended.textContent).toContain('干部')

    document.querySelectorAll('.state-filter input')[2].click()
    await settle()
    expect(calls.filter((c) => c.url === '/pairings').at(-1).params).toEqual({})
    expect(rows('.pairings-table')).toHaveLength(2)
  })

  it('ends a pairing with a reason, then reloads the list and the coverage', async () => {
    const calls = pairingsBackend()
    await mountPairings(['DISPATCHER'])

    button('结束结对', rows('.pairings-table')[0]).click()
    await settle()
    const dialog = dialogTitled('结束结对')
    expect(dialog.textContent).toContain('吴嘉豪将不能再查看陈*燕 的家庭的地址和电话')
    button('确定结束', dialog).click()
    await vi.waitFor(() => expect(fieldError(dialog, '结束原因')).toBe('请填写结束原因'))
    expect(calls.some((c) => c.url === '/pairings/7/end')).toBe(false)

    await type(dialog.querySelector('textarea'), '医护人员已返岗')
    button('确定结束', dialog).click()
    await vi.waitFor(() => expect(calls.find((c) => c.url === '/pairings/7/end')?.data).toEqual({ reason: '医护人员已返岗' }))
    await vi.waitFor(() => expect(calls.filter((c) => c.url === '/pairings/coverage')).toHaveLength(2))
    await vi.waitFor(() => expect(rows('.pairings-table')).toHaveLength(0))
    expect(toastTexts()).toContain('已结束结对')
  })

  it('shows why the coverage could not load, with a retry', async () => {
    let fail = true
    pairingsBackend({
      'GET /pairings/coverage': () => (fail ? apiError(500, 'INTERNAL_ERROR', '服务器开小差了，请稍后重试') : null),
    })
    await mountPairings(['VIEWER'])
    expect(document.querySelector('.coverage-table .el-table__empty-block').textContent).toContain('服务器开小差了')
    fail = false
    button('重新加载', document.querySelector('.coverage-table')).click()
    await settle()
    expect(rows('.coverage-table')).toHaveLength(3)
  })
})

// --- the family drawer: 结对 and 一家一策
const SUGGESTIONS = [
  {
    volunteerId: 1,
    name: '周晓雨',
    orgName: '共青团广州市天河区委员会',
    skills: ['TUTOR', 'ELDERLY_CARE'],
    distanceKm: 1.2,
    meets: ['在校学生课业辅导', '独居老人照护'],
  },
  { volunteerId: 3, name: '梁志远', orgName: '共青团广州市越秀区委员会', skills: ['DRIVER'], meets: [] },
]

function familyBackend(overrides = {}) {
  let pairings = []
  let plans = [
    {
      id: 1,
      familyId: 11,
      category: 'MEALS',
      categoryLabel: '送餐',
      description: '每周送三次午饭上门',
      daysOfWeek: [1, 3, 5],
      serviceTime: '11:30:00',
      durationMinutes: 60,
      leadHours: 24,
      active: true,
      createdAt: '2026-11-25T10:00:00',
    },
  ]
  return fakeBackend((call) => {
    const handled = overrides[`${call.method} ${call.url}`]?.(call)
    if (handled) return handled
    if (call.url === '/pairings' && call.method === 'GET') return { data: pairings.filter((p) => p.familyId === call.params.familyId) }
    if (call.url === '/families/11/pairing-suggestions') return { data: SUGGESTIONS }
    if (call.url === '/pairings' && call.method === 'POST') {
      const s = SUGGESTIONS.find((x) => x.volunteerId === call.data.volunteerId)
      const created = { ...ACTIVE, id: 8, volunteerId: s.volunteerId, partnerName: s.name, partnerKind: call.data.partnerKind, checkIns: 0 }
      delete created.lastCheckInAt
      pairings = [created, ...pairings]
      return { status: 201, data: created }
    }
    if (call.url === '/families/11/care-plans' && call.method === 'GET') return { data: plans }
    if (call.url === '/families/11/care-plans' && call.method === 'POST') {
      const created = { id: 2, familyId: 11, ...call.data, serviceTime: `${call.data.serviceTime}:00`, categoryLabel: '课业辅导', active: true }
      plans = [created, ...plans]
      return { status: 201, data: created }
    }
    if (call.url === '/care-plans/1/stop') {
      plans = plans.map((p) => (p.id === 1 ? { ...p, active: false } : p))
      return { data: plans.find((p) => p.id === 1) }
    }
    return { status: 404 }
  })
}

async function mountPanel(component, props) {
  wrapper = mount(component, { props, global: { plugins: [pinia, ElementPlus] }, attachTo: document.body })
  await settle()
}

const suggestions = () => document.querySelector('.pairing-suggestions-dialog')

describe('family 结对 panel', () => {
  it('says the family has no partner yet and hides the suggestions from a viewer', async () => {
    const calls = familyBackend()
    await mountPanel(FamilyPairingPanel, { familyId: 11, familyName: '医护人员「陈晓燕」的家庭', canManage: false })

    expect(calls[0]).toMatchObject({ method: 'GET', url: '/pairings', params: { familyId: 11 } })
    expect(document.querySelector('.family-pairing').textContent).toContain('尚未结对')
    expect(buttonTexts()).not.toContain('推荐结对人')
  })

  it('suggests partners with skills, distance and the needs they meet, and pairs one as a cadre', async () => {
    const calls = familyBackend()
    await mountPanel(FamilyPairingPanel, { familyId: 11, familyName: '医护人员「陈晓燕」的家庭', canManage: true })

    button('推荐结对人').click()
    await settle()
    expect(suggestions().querySelector('.el-dialog__title').textContent).toContain('推荐结对人：医护人员「陈晓燕」的家庭')
    const [first, second] = rows('.suggestions-table')
    expect(first.textContent).toContain('周晓雨')
    expect(first.textContent).toContain('共青团广州市天河区委员会')
    expect(texts('.el-tag', first)).toEqual(['课业辅导', '老人照护', '在校学生课业辅导', '独居老人照护'])
    expect(first.textContent).toContain('1.2 公里')
    expect(second.textContent).toContain('—') // no distance, meets nothing

    suggestions().querySelectorAll('.partner-kind input')[1].click() // 干部
    await settle()
    button('结对', first).click()
    await vi.waitFor(() => expect(messageBox()?.textContent).toContain('确定由「周晓雨」以干部身份与医护人员「陈晓燕」的家庭结对吗'))
    button('结对', messageBox()).click()

    await vi.waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true))
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ url: '/pairings', data: { familyId: 11, volunteerId: 1, partnerKind: 'CADRE' } })
    await vi.waitFor(() => expect(rows('.family-pairings')).toHaveLength(1))
    const [row] = rows('.family-pairings')
    expect(row.textContent).toContain('周晓雨')
    expect(row.textContent).toContain('干部')
    expect(row.textContent).toContain('进行中')
    expect(document.querySelector('.family-pairing').textContent).toContain('已与干部「周晓雨」结对')
    expect(buttonTexts(document.querySelector('.family-pairing'))).not.toContain('推荐结对人') // one pairing per family
    expect(toastTexts()).toContain('已结对：周晓雨')
  })

  it('shows the API message when the partner was taken meanwhile, and refreshes the suggestions', async () => {
    const message = '该志愿者已与另一个家庭结对（一对一），请另选或先结束原结对'
    const calls = familyBackend({ 'POST /pairings': () => apiError(409, 'PARTNER_ALREADY_PAIRED', message) })
    await mountPanel(FamilyPairingPanel, { familyId: 11, canManage: true })

    button('推荐结对人').click()
    await settle()
    button('结对', rows('.suggestions-table')[0]).click()
    await vi.waitFor(() => expect(messageBox()).toBeTruthy())
    button('结对', messageBox()).click()

    await vi.waitFor(() => expect(toastTexts()).toContain(message))
    await vi.waitFor(() => expect(calls.filter((c) => c.url === '/families/11/pairing-suggestions')).toHaveLength(2))
    expect(suggestions().closest('.el-overlay').style.display).not.toBe('none') // still choosing
  })
})

describe('family 一家一策 panel', () => {
  it('lists the plans with their schedule in Chinese; a viewer changes nothing', async () => {
    familyBackend()
    await mountPanel(CarePlanPanel, { familyId: 11, canManage: false })

    const [row] = rows('.care-plan-table')
    expect(row.textContent).toContain('送餐')
    expect(row.textContent).toContain('每周送三次午饭上门')
    expect(row.textContent).toContain('每周 周一、周三、周五 11:30，1 小时，提前 24 小时发布')
    expect(row.textContent).toContain('执行中')
    expect(buttonTexts(document.querySelector('.care-plans'))).toEqual([])
  })

  it('adds a plan with days, time, duration and lead time', async () => {
    const calls = familyBackend()
    await mountPanel(CarePlanPanel, { familyId: 11, familyName: '医护人员「陈晓燕」的家庭', canManage: true })

    button('新增计划').click()
    await settle()
    const dialog = dialogTitled('新增服务计划：医护人员「陈晓燕」的家庭')
    button('保存', dialog).click()
    await vi.waitFor(() =>
      expect([fieldError(dialog, '服务类别'), fieldError(dialog, '每周'), fieldError(dialog, '服务时间')]).toEqual([
        '请选择服务类别',
        '请选择每周哪几天',
        '请选择服务时间',
      ]),
    )
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    const checkboxes = [...dialog.querySelectorAll('.weekdays .el-checkbox')]
    expect(checkboxes.map((c) => c.textContent.trim())).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日'])
    checkboxes[3].querySelector('input').click() // 周四
    await settle()
    checkboxes[0].querySelector('input').click() // 周一
    await settle()
    wrapper.findAllComponents({ name: 'ElSelect' }).at(0).vm.$emit('update:modelValue', 'TUTORING')
    wrapper.findComponent({ name: 'ElTimeSelect' }).vm.$emit('update:modelValue', '19:00')
    await type(dialog.querySelector('textarea'), '  陪孩子完成作业，重点辅导数学  ')
    const [duration, lead] = dialog.querySelectorAll('.el-input-number input')
    await type(duration, '90')
    duration.dispatchEvent(new Event('change'))
    await type(lead, '12')
    lead.dispatchEvent(new Event('change'))
    await settle()
    button('保存', dialog).click()

    await vi.waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true))
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: '/families/11/care-plans',
      data: { category: 'TUTORING', description: '陪孩子完成作业，重点辅导数学', daysOfWeek: [1, 4], serviceTime: '19:00', durationMinutes: 90, leadHours: 12 },
    })
    await vi.waitFor(() => expect(rows('.care-plan-table')).toHaveLength(2))
    expect(rows('.care-plan-table')[0].textContent).toContain('每周 周一、周四 19:00，1 小时 30 分钟，提前 12 小时发布')
  })

  it('shows API field errors on the form', async () => {
    familyBackend({
      'POST /families/11/care-plans': () =>
        apiError(400, 'VALIDATION_FAILED', '填写的内容有误', [{ field: 'description', message: '请用 5 到 500 个字说明服务内容' }]),
    })
    await mountPanel(CarePlanPanel, { familyId: 11, canManage: true })
    button('新增计划').click()
    await settle()
    const dialog = dialogTitled('新增服务计划')
    wrapper.findAllComponents({ name: 'ElSelect' }).at(0).vm.$emit('update:modelValue', 'MEALS')
    wrapper.findComponent({ name: 'ElTimeSelect' }).vm.$emit('update:modelValue', '11:30')
    dialog.querySelectorAll('.weekdays .el-checkbox input')[6].click()
    await type(dialog.querySelector('textarea'), '送午饭上门服务')
    button('保存', dialog).click()
    await vi.waitFor(() => expect(fieldError(dialog, '服务内容')).toBe('请用 5 到 500 个字说明服务内容'))
  })

  it('stops a plan after confirmation', async () => {
    const calls = familyBackend()
    await mountPanel(CarePlanPanel, { familyId: 11, canManage: true })

    button('停止', rows('.care-plan-table')[0]).click()
    await vi.waitFor(() => expect(messageBox()?.textContent).toContain('确定停止「送餐」计划吗'))
    button('停止', messageBox()).click()
    await vi.waitFor(() => expect(calls.some((c) => c.url === '/care-plans/1/stop')).toBe(true))
    expect(calls.find((c) => c.url === '/care-plans/1/stop').method).toBe('POST')
    await vi.waitFor(() => expect(rows('.care-plan-table')[0].textContent).toContain('已停止'))
    expect(buttonTexts(rows('.care-plan-table')[0])).toEqual([])
  })
})
