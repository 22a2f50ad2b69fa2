import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage, ElMessageBox } from 'element-plus'
import { bindSession } from '@/api/request'
import { useSessionStore } from '@/stores/session'
import VolunteersView from '@/views/volunteers/VolunteersView.vue'
import TrainingQuestionsView from '@/views/training/TrainingQuestionsView.vue'
import HoursReviewView from '@/views/volunteers/HoursReviewView.vue'
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

async function mountPage(component, path, roles) {
  session.staff = staffView({ id: 7, orgId: 2, orgName: '共青团广州市委员会', roles })
  await router.push(path)
  wrapper = mount(component, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
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
const fieldError = (root, label) => formItem(root, label)?.querySelector('.el-form-item__error')?.textContent.trim()
// a closed box may linger while it fades out: the newest one is last
const messageBox = () => [...document.querySelectorAll('.el-message-box')].at(-1)
const rows = (selector) => [...document.querySelectorAll(`${selector} .el-table__body-wrapper tr`)]

// --- fixtures as the API sends them (nulls left out)
const PENDING = {
  id: 5,
  name: '林小雨',
  phone: '139****2005',
  idNumber: '4401**********1005',
  orgId: 3,
  orgName: '共青团广州市天河区委员会',
  skills: ['TUTOR', 'DRIVER'],
  skillNotes: '小学数学，本田飞度',
  latitude: 23.13,
  longitude: 113.36,
  radiusKm: 10,
  availability: '工作日晚上',
  status: 'PENDING',
  statusLabel: '待审核',
  dutyGate: {
    open: false,
    unmet: [
      { condition: 'APPROVAL', message: '注册正在等待所属组织审核' },
      { condition: 'TRAINING', message: '尚未通过防护培训测试，请先学习课程并完成测试' },
      { condition: 'INSURANCE', message: '尚未登记人身意外险，请联系所属组织办理' },
    ],
  },
}
const ON_DUTY = {
  ...PENDING,
  id: 2,
  name: '吴嘉豪',
  phone: '139****2002',
  skills: ['SHOPPING', 'ELDERLY_CARE'],
  status: 'APPROVED',
  statusLabel: '已通过',
  reviewNote: '材料齐全',
  trainingPassedAt: '2026-11-20T10:00:00',
  insurancePolicy: 'PICC-2026-001',
  insuranceUntil: '2099-12-31',
  dutyGate: { open: true, unmet: [] },
}
const HOURS = {
  totalHours: 3.5,
  familyConfirmedHours: 1.5,
  pendingHours: 0.5,
  entries: [
    { ticketId: 14, category: 'MEALS', categoryLabel: '送餐', hours: 0.5, servedOn: '2026-11-25', confirmation: 'PENDING_REVIEW', confirmationLabel: '待工作人员核实', counted: false },
    { ticketId: 12, category: 'MEALS', categoryLabel: '送餐', hours: 1.5, servedOn: '2026-11-24', confirmation: 'FAMILY', confirmationLabel: '家属确认', counted: true },
    { ticketId: 9, category: 'CARE', categoryLabel: '老人或儿童照护', hours: 2.0, servedOn: '2026-11-20', confirmation: 'STAFF', confirmationLabel: '工作人员核实', counted: true },
  ],
}

/** Volunteers #5 (pending) and #2 (on duty), with reviews, insurance, reveal and hours. */
function volunteersBackend(overrides = {}) {
  const state = { 5: { ...PENDING }, 2: { ...ON_DUTY } }
  return fakeBackend((call) => {
    const handled = overrides[`${call.method} ${call.url}`]?.(call)
    if (handled) return handled
    if (call.url === '/volunteers') return { data: page([state[5], state[2]]) }
    const m = call.url.match(/^\/volunteers\/(\d+)(\/\w+)?$/)
    if (!m || !state[m[1]]) return { status: 404 }
    const id = m[1]
    const action = m[2]
    if (!action) return { data: state[id] }
    if (action === '/hours') return { data: id === '2' ? HOURS : { totalHours: 0, entries: [] } }
    if (action === '/reveal') return { data: { ...state[id], phone: '13900002005', idNumber: '440101199001011005' } }
    if (action === '/approve') {
      state[id] = {
        ...state[id],
        status: 'APPROVED',
        statusLabel: '已通过',
        reviewNote: call.data.note ?? undefined,
        dutyGate: { open: false, unmet: state[id].dutyGate.unmet.filter((u) => u.condition !== 'APPROVAL') },
      }
      return { data: state[id] }
    }
    if (action === '/reject') {
      state[id] = { ...state[id], status: 'REJECTED', statusLabel: '未通过', reviewNote: call.data.note }
      return { data: state[id] }
    }
    if (action === '/insurance') {
      state[id] = {
        ...state[id],
        insurancePolicy: call.data.policy,
        insuranceUntil: call.data.until,
        dutyGate: { open: false, unmet: state[id].dutyGate.unmet.filter((u) => u.condition !== 'INSURANCE') },
      }
      return { data: state[id] }
    }
    if (action === '/certificate') {
      return {
        data: new Blob(['%PDF-1.7'], { type: 'application/pdf' }),
        headers: { 'content-disposition': "attachment; filename*=UTF-8''%E5%BF%97%E6%84%BF%E6%9C%8D%E5%8A%A1%E8%AF%81%E6%98%8E.pdf" },
      }
    }
    return { status: 404 }
  })
}

const drawer = () => document.querySelector('.volunteer-drawer')
const drawerButtons = () => buttonTexts(drawer().querySelector('.drawer-actions'))
const indicators = (root) => [...root.querySelectorAll('.duty-indicator')].map((el) => `${el.textContent.trim()}:${el.classList.contains('is-met') ? '✓' : '✗'}`)

async function openDrawer(rowIndex) {
  button('详情', rows('.volunteers-table')[rowIndex]).click()
  await settle()
}

describe('志愿者 page', () => {
  it('lists volunteers masked, with Chinese skills, status and the duty gate as three indicators', async () => {
    const calls = volunteersBackend()
    await mountPage(VolunteersView, '/volunteers', ['VIEWER'])

    expect(calls[0]).toMatchObject({ method: 'GET', url: '/volunteers', params: { page: 1, size: 20 } })
    const [pending, onDuty] = rows('.volunteers-table')
    expect(pending.textContent).toContain('林小雨')
    expect(pending.textContent).toContain('139****2005')
    expect(pending.textContent).toContain('4401**********1005')
    expect(pending.textContent).toContain('共青团广州市天河区委员会')
    expect(texts('.el-tag', pending)).toEqual(['有车司机', '课业辅导', '待审核'])
    expect(indicators(pending)).toEqual(['审核:✗', '培训:✗', '保险:✗'])
    expect(pending.querySelector('[data-condition="TRAINING"]').getAttribute('aria-label')).toBe('培训：尚未通过防护培训测试，请先学习课程并完成测试')
    expect(indicators(onDuty)).toEqual(['审核:✓', '培训:✓', '保险:✓'])
    expect(onDuty.textContent).toContain('已通过')
    expect(wrapper.text()).toContain('共 2 人')
  })

  it('filters by status and skill', async () => {
    const calls = volunteersBackend()
    await mountPage(VolunteersView, '/volunteers', ['DISPATCHER'])

    const vm = wrapper.findAllComponents({ name: 'ElSelect' })
    vm[0].vm.$emit('update:modelValue', 'PENDING')
    vm[1].vm.$emit('update:modelValue', 'TUTOR')
    await settle()
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(calls.filter((c) => c.url === '/volunteers').at(-1).params).toEqual({ status: 'PENDING', skill: 'TUTOR', page: 1, size: 20 })

    button('重置').click()
    await settle()
    expect(calls.filter((c) => c.url === '/volunteers').at(-1).params).toEqual({ page: 1, size: 20 })
  })

  it('shows the empty state when nobody registered yet', async () => {
    fakeBackend(() => ({ data: page([]) }))
    await mountPage(VolunteersView, '/volunteers', ['ORG_ADMIN'])
    expect(document.querySelector('.volunteers-table .el-table__empty-block').textContent).toContain('还没有志愿者')
  })

  it('shows a viewer the detail, the unmet conditions and the hours, without actions', async () => {
    volunteersBackend()
    await mountPage(VolunteersView, '/volunteers', ['VIEWER'])
    await openDrawer(0)

    const text = drawer().textContent
    expect(text).toContain('志愿者详情：林小雨')
    expect(text).toContain('暂不能认领任务')
    expect(text).toContain('注册正在等待所属组织审核')
    expect(text).toContain('尚未登记人身意外险，请联系所属组织办理')
    expect(text).toContain('小学数学，本田飞度')
    expect(text).toContain('10 公里')
    expect(text).toContain('尚未通过测试')
    expect(text).toContain('还没有确认完成的服务')
    expect(drawerButtons()).toEqual(['刷新'])
    // the certificate carries the full name: for those who handle volunteers, not for a viewer
    expect(buttonTexts(drawer())).not.toContain('下载志愿服务证明')
  })

  it('lets a dispatcher approve a pending volunteer with a note: status, gate and list follow', async () => {
    const calls = volunteersBackend()
    await mountPage(VolunteersView, '/volunteers', ['DISPATCHER'])
    await openDrawer(0)
    expect(drawerButtons()).toEqual(['通过', '不通过', '登记保险', '查看原文', '刷新'])
    const listLoads = calls.filter((c) => c.url === '/volunteers').length

    button('通过', drawer()).click()
    await settle()
    const dialog = dialogTitled('审核通过：林小雨')
    await type(dialog.querySelector('textarea'), '身份已核实')
    button('确定通过', dialog).click()

    await vi.waitFor(() => expect(calls.some((c) => c.url === '/volunteers/5/approve')).toBe(true))
    expect(calls.find((c) => c.url === '/volunteers/5/approve')).toMatchObject({ method: 'POST', data: { note: '身份已核实' } })
    await vi.waitFor(() => expect(drawer().querySelector('.status-tag').textContent.trim()).toBe('已通过'))
    expect(indicators(drawer().querySelector('.duty-info'))).toEqual(['审核:✓', '培训:✗', '保险:✗'])
    expect(drawerButtons()).toEqual(['不通过', '登记保险', '查看原文', '刷新'])
    expect(toastTexts()).toContain('已审核通过')
    expect(calls.filter((c) => c.url === '/volunteers').length).toBe(listLoads + 1)
  })

  it('asks for the reason before rejecting, then sends it', async () => {
    const calls = volunteersBackend()
    await mountPage(VolunteersView, '/volunteers', ['ORG_ADMIN'])
    await openDrawer(0)

    button('不通过', drawer()).click()
    await settle()
    const dialog = dialogTitled('审核不通过')
    button('确定不通过', dialog).click()
    await vi.waitFor(() => expect(fieldError(dialog, '未通过的原因')).toBe('请填写未通过的原因'))
    expect(calls.some((c) => c.url === '/volunteers/5/reject')).toBe(false)

    await type(dialog.querySelector('textarea'), '身份证号与姓名不符')
    button('确定不通过', dialog).click()
    await vi.waitFor(() => expect(calls.find((c) => c.url === '/volunteers/5/reject')?.data).toEqual({ note: '身份证号与姓名不符' }))
    await vi.waitFor(() => expect(drawer().querySelector('.status-tag').textContent.trim()).toBe('未通过'))
    expect(drawerButtons()).toEqual(['通过', '登记保险', '查看原文', '刷新'])
  })

  it('reloads the volunteer when someone else reviewed first', async () => {
    const message = '该志愿者已审核，请刷新后查看'
    const calls = volunteersBackend({ 'POST /volunteers/5/approve': () => apiError(409, 'REVIEW_CONFLICT', message) })
    await mountPage(VolunteersView, '/volunteers', ['DISPATCHER'])
    await openDrawer(0)
    const loads = calls.filter((c) => c.url === '/volunteers/5').length

    button('通过', drawer()).click()
    await settle()
    button('确定通过', dialogTitled('审核通过')).click()
    await vi.waitFor(() => expect(toastTexts()).toContain(message))
    await vi.waitFor(() => expect(calls.filter((c) => c.url === '/volunteers/5').length).toBe(loads + 1))
  })

  it('records insurance with a policy and a date, and shows API field errors', async () => {
    let refuse = true
    const calls = volunteersBackend({
      'PUT /volunteers/5/insurance': () =>
        refuse ? apiError(400, 'VALIDATION_FAILED', '填写的内容有误', [{ field: 'policy', message: '保单号最多 64 个字' }]) : null,
    })
    await mountPage(VolunteersView, '/volunteers', ['DISPATCHER'])
    await openDrawer(0)

    button('登记保险', drawer()).click()
    await settle()
    const dialog = dialogTitled('登记人身意外险：林小雨')
    button('保存', dialog).click()
    await vi.waitFor(() => expect([fieldError(dialog, '保单号'), fieldError(dialog, '到期日')]).toEqual(['请填写保单号', '请选择保险到期日']))

    await type(formItem(dialog, '保单号').querySelector('input'), ' PICC-2027-88 ')
    // the picker's panel is teleported: set the day through the component, as picking it would
    wrapper.findComponent({ name: 'ElDatePicker' }).vm.$emit('update:modelValue', '2099-06-30')
    await settle()
    button('保存', dialog).click()
    await vi.waitFor(() => expect(fieldError(dialog, '保单号')).toBe('保单号最多 64 个字'))
    expect(calls.find((c) => c.url === '/volunteers/5/insurance')).toMatchObject({ method: 'PUT', data: { policy: 'PICC-2027-88', until: '2099-06-30' } })

    refuse = false
    button('保存', dialog).click()
    await vi.waitFor(() => expect(drawer().querySelector('.duty-info').textContent).toContain('2099-06-30 到期'))
    expect(drawer().textContent).toContain('保单号 PICC-2027-88')
    expect(indicators(drawer().querySelector('.duty-info'))).toEqual(['审核:✗', '培训:✗', '保险:✓'])
  })

  it('shows phone and ID number in clear after a reason, and says it was recorded', async () => {
    const calls = volunteersBackend()
    await mountPage(VolunteersView, '/volunteers', ['DISPATCHER'])
    await openDrawer(0)

    button('查看原文', drawer()).click()
    await settle()
    const reveal = dialogTitled('查看手机号和身份证号原文')
    expect(reveal.textContent).toContain('志愿者「林小雨」')
    await type(reveal.querySelector('textarea'), '核实登记信息')
    button('确认查看', reveal).click()

    await vi.waitFor(() => expect(drawer().textContent).toContain('13900002005'))
    expect(drawer().textContent).toContain('440101199001011005')
    expect(drawer().textContent).toContain('已记录查看')
    expect(calls.find((c) => c.url === '/volunteers/5/reveal').data).toEqual({ reason: '核实登记信息' })
  })

  it('shows the hours with their total and downloads the certificate', async () => {
    const saved = []
    URL.createObjectURL = vi.fn(() => 'blob:qingnuan/pdf')
    URL.revokeObjectURL = vi.fn()
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click() {
      saved.push(this.download)
    })
    const calls = volunteersBackend()
    await mountPage(VolunteersView, '/volunteers', ['DISPATCHER'])
    await openDrawer(1)

    expect(drawer().textContent).toContain('已具备上岗条件')
    const total = drawer().querySelector('.hours-total').textContent
    expect(total).toContain('3.5 小时')
    expect(total).toContain('其中家属确认 1.5 小时')
    expect(total).toContain('待核实 0.5 小时（未计入）')
    const hours = rows('.hours-table').map((tr) => tr.textContent)
    expect(hours).toHaveLength(3)
    expect(hours[0]).toContain('待工作人员核实')
    expect(hours[1]).toContain('2026-11-24')
    expect(hours[1]).toContain('#12')
    expect(hours[1]).toContain('送餐')
    expect(hours[1]).toContain('1.5 小时')
    expect(hours[1]).toContain('家属确认')
    expect(hours[2]).toContain('工作人员核实')

    button('下载志愿服务证明', drawer()).click()
    await vi.waitFor(() => expect(saved).toEqual(['志愿服务证明.pdf']))
    expect(calls.find((c) => c.url === '/volunteers/2/certificate').method).toBe('GET')
    await vi.waitFor(() => expect(toastTexts()).toContain('已下载「志愿服务证明.pdf」'))
  })

  it('shows the API message when there are no hours yet to certify', async () => {
    const message = '还没有经家属确认的服务时长，暂时不能出具志愿服务证明'
    volunteersBackend({
      'GET /volunteers/5/certificate': () => ({
        status: 409,
        data: new Blob([JSON.stringify({ code: 'NO_HOURS_YET', message, traceId: 't-1', fieldErrors: [] })], { type: 'application/json' }),
      }),
    })
    await mountPage(VolunteersView, '/volunteers', ['DISPATCHER'])
    await openDrawer(0)

    button('下载志愿服务证明', drawer()).click()
    await vi.waitFor(() => expect(drawer().querySelector('.certificate-error')?.textContent).toContain(message))
    expect(toastTexts()).toEqual([]) // shown in place, not twice
  })
})

// --- 防护培训题库
const QUESTIONS = [
  { id: 1, question: '服务时口罩应当？', choices: ['可以不戴', '全程佩戴并覆盖口鼻', '进门后摘下'], answer: 1, active: true },
  { id: 2, question: '与服务对象交接物品时应当？', choices: ['尽量无接触交接', '进屋坐下详谈'], answer: 0, active: false },
]

function quizBackend(overrides = {}) {
  let list = QUESTIONS.map((q) => ({ ...q }))
  return fakeBackend((call) => {
    const handled = overrides[`${call.method} ${call.url}`]?.(call)
    if (handled) return handled
    if (call.url === '/training-questions' && call.method === 'GET') return { data: list }
    if (call.url === '/training-questions' && call.method === 'POST') {
      const added = { id: 9, ...call.data, active: true }
      list = [...list.filter((q) => q.active), added, ...list.filter((q) => !q.active)]
      return { status: 201, data: added }
    }
    if (call.url === '/training-questions/1' && call.method === 'DELETE') {
      list = list.map((q) => (q.id === 1 ? { ...q, active: false } : q))
      return { status: 204 }
    }
    return { status: 404 }
  })
}

const quizDialog = () => document.querySelector('.training-question-dialog')
const choiceInputs = () => [...quizDialog().querySelectorAll('.choice-row input.el-input__inner')]

describe('防护培训题库 page', () => {
  it('shows a dispatcher the questions with the right answers, and nothing to change', async () => {
    quizBackend()
    await mountPage(TrainingQuestionsView, '/training-questions', ['DISPATCHER'])

    const [first, second] = rows('.questions-table')
    expect(first.textContent).toContain('服务时口罩应当？')
    expect(texts('.choices li', first)).toEqual(['A. 可以不戴', 'B. 全程佩戴并覆盖口鼻 正确答案', 'C. 进门后摘下'])
    expect(first.querySelector('.correct').textContent).toContain('全程佩戴')
    expect(first.textContent).toContain('启用中')
    expect(second.textContent).toContain('已停用')
    expect(wrapper.text()).toContain('1 道启用中')
    expect(buttonTexts()).not.toContain('新增题目')
    expect(buttonTexts()).not.toContain('停用')
  })

  it('adds a question: rows are added and removed, the right answer follows its choice', async () => {
    const calls = quizBackend()
    await mountPage(TrainingQuestionsView, '/training-questions', ['ORG_ADMIN'])

    button('新增题目').click()
    await settle()
    expect(choiceInputs()).toHaveLength(3)

    // nothing filled in: the form says what is missing, the API is not called
    button('添加', quizDialog()).click()
    // the answer's own message comes last, after the empty rows' own ones
    const choices = formItem(quizDialog(), '选项（点选正确答案）')
    await vi.waitFor(() =>
      expect([
        fieldError(quizDialog(), '题目'),
        choices.querySelector('.choice-row .el-form-item__error')?.textContent.trim(),
        [...choices.querySelectorAll('.el-form-item__error')].at(-1)?.textContent.trim(),
      ]).toEqual(['请填写题目', '请填写选项，或删除这一行', '请选出正确答案']),
    )
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    await type(quizDialog().querySelector('textarea'), '上门服务时，与服务对象应保持多远的距离？')
    button('添加选项', quizDialog()).click()
    await settle()
    expect(choiceInputs()).toHaveLength(4)
    const answers = ['半米以内', '1 米以上', '可以握手', '多余的一行']
    for (const [i, text] of answers.entries()) await type(choiceInputs()[i], text)
    // pick B, then remove A: the right answer is still 「1 米以上」, now the first
    quizDialog().querySelectorAll('.choice-radio input')[1].click()
    await settle()
    quizDialog().querySelector('[aria-label="删除选项 A"]').click()
    await settle()
    quizDialog().querySelector('[aria-label="删除选项 C"]').click()
    await settle()
    expect(choiceInputs().map((i) => i.value)).toEqual(['1 米以上', '可以握手'])
    // two is the least: no more removing
    expect(quizDialog().querySelector('[aria-label="删除选项 A"]').disabled).toBe(true)

    button('添加', quizDialog()).click()
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true))
    expect(calls.find((c) => c.method === 'POST').data).toEqual({
      question: '上门服务时，与服务对象应保持多远的距离？',
      choices: ['1 米以上', '可以握手'],
      answer: 0,
    })
    await vi.waitFor(() => expect(rows('.questions-table')).toHaveLength(3))
    expect(wrapper.text()).toContain('2 道启用中')
  })

  it('stops at six choices and shows API errors on the choice rows', async () => {
    const calls = quizBackend({
      'POST /training-questions': () =>
        apiError(400, 'VALIDATION_FAILED', '填写的内容有误', [{ field: 'choices[1]', message: '每个选项最多 100 个字' }]),
    })
    await mountPage(TrainingQuestionsView, '/training-questions', ['SUPER_ADMIN'])

    button('新增题目').click()
    await settle()
    for (let i = 0; i < 3; i++) {
      button('添加选项', quizDialog()).click()
      await settle()
    }
    expect(choiceInputs()).toHaveLength(6)
    expect(buttonTexts(quizDialog())).not.toContain('添加选项')

    await type(quizDialog().querySelector('textarea'), '测试题')
    for (const [i, input] of choiceInputs().entries()) await type(input, `选项${i}`)
    quizDialog().querySelectorAll('.choice-radio input')[5].click()
    await settle()
    button('添加', quizDialog()).click()
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true))
    expect(calls.find((c) => c.method === 'POST').data.answer).toBe(5)
    await vi.waitFor(() =>
      expect(quizDialog().querySelectorAll('.choice-row')[1].querySelector('.el-form-item__error')?.textContent.trim()).toBe('每个选项最多 100 个字'),
    )
  })

  it('retires a question after confirmation', async () => {
    const calls = quizBackend()
    await mountPage(TrainingQuestionsView, '/training-questions', ['SUPER_ADMIN'])

    button('停用', rows('.questions-table')[0]).click()
    await vi.waitFor(() => expect(messageBox()?.textContent).toContain('确定停用第 1 题吗'))
    button('停用', messageBox()).click()
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true))
    expect(calls.find((c) => c.method === 'DELETE').url).toBe('/training-questions/1')
    await vi.waitFor(() => expect(wrapper.text()).toContain('没有启用中的题目'))
  })
})

describe('服务时长核实 page', () => {
  const PENDING = [
    { id: 31, volunteerId: 5, volunteerName: '陈志愿', ticketId: 88, category: 'SUPPLIES', categoryLabel: '生活物资', spentMinutes: 0, hours: '0.50', maxHours: '3.00', servedOn: '2026-12-01' },
  ]

  it('shows a viewer what waits for a check, with the time really taken, and no actions', async () => {
    fakeBackend((call) => (call.url === '/volunteer-hours/pending' ? { data: PENDING } : { status: 404 }))
    await mountPage(HoursReviewView, '/volunteer-hours', ['VIEWER'])
    const row = document.querySelector('.hours-review-table .el-table__body-wrapper tr').textContent
    expect(row).toContain('陈志愿')
    expect(row).toContain('生活物资')
    expect(row).toContain('不到 1 分钟')
    expect(row).toContain('0.5 小时')
    expect(buttonTexts()).not.toContain('核实通过')
    expect(document.body.textContent).toContain('1 条待核实')
  })

  it('lets a dispatcher credit other hours after a check, then reloads', async () => {
    let pending = PENDING
    const calls = fakeBackend((call) => {
      if (call.url === '/volunteer-hours/pending') return { data: pending }
      if (call.url === '/volunteer-hours/31/approve') {
        pending = []
        return { data: { ticketId: 88, hours: call.data.hours, confirmation: 'STAFF', confirmationLabel: '工作人员核实', counted: true } }
      }
      return { status: 404 }
    })
    await mountPage(HoursReviewView, '/volunteer-hours', ['DISPATCHER'])
    button('核实通过').click()
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull())
    const box = document.querySelector('.el-message-box')
    expect(box.textContent).toContain('实际用时 不到 1 分钟')
    await type(box.querySelector('input'), '0.3')
    button('计入', box).click()
    await vi.waitFor(() => expect(box.textContent).toContain('0.25 的倍数'))
    await type(box.querySelector('input'), '0.25')
    button('计入', box).click()
    await vi.waitFor(() => expect(calls.find((c) => c.url === '/volunteer-hours/31/approve')?.data).toEqual({ hours: 0.25 }))
    await vi.waitFor(() => expect(document.body.textContent).toContain('没有待核实的服务时长'))
    expect(toastTexts()).toContain('已核实，时长已计入')
  })

  it('asks for a reason before not counting the hours', async () => {
    const calls = fakeBackend((call) => {
      if (call.url === '/volunteer-hours/pending') return { data: PENDING }
      if (call.url === '/volunteer-hours/31/reject') return { data: { ticketId: 88, confirmation: 'REJECTED', counted: false } }
      return { status: 404 }
    })
    await mountPage(HoursReviewView, '/volunteer-hours', ['ORG_ADMIN'])
    button('不计入').click()
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull())
    const box = document.querySelector('.el-message-box')
    await type(box.querySelector('input'), '未实际开展服务')
    button('不计入', box).click()
    await vi.waitFor(() => expect(calls.find((c) => c.url === '/volunteer-hours/31/reject')?.data).toEqual({ reason: '未实际开展服务' }))
  })
})
