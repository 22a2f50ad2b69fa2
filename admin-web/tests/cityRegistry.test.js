// Issue 18 in the admin web: withdraw / restore / delete a medical worker with a reason, the export in
// clear behind a reason, the import's dry run and match report, hospitals from a sheet, and annex 1
// for a chosen 截至 date.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import { bindSession } from '@/api/request'
import { useSessionStore } from '@/stores/session'
import MedicalWorkersView from '@/views/workers/MedicalWorkersView.vue'
import WorkerImportDialog from '@/views/workers/WorkerImportDialog.vue'
import HospitalImportDialog from '@/views/hospitals/HospitalImportDialog.vue'
import DistrictStatisticsView from '@/views/statistics/DistrictStatisticsView.vue'
import { apiError, fakeBackend, makeRouter, mountPage, settle, staffView } from './helpers'

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
  session.staff = staffView()
})

afterEach(() => {
  wrapper?.unmount()
  ElMessage.closeAll()
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

const page = (items) => ({ items, total: items.length, page: 1, size: 20 })
const buttonTexts = (root = document) => [...root.querySelectorAll('button')].map((b) => b.textContent.trim()).filter(Boolean)
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

const WORKER = {
  id: 1,
  orgId: 3,
  orgName: '万州区',
  hospitalId: 1,
  hospitalName: '重庆三峡中心医院',
  name: '陈晓燕',
  gender: 'FEMALE',
  genderLabel: '女',
  ownPhone: '139****0001',
  familyPhone: null,
  homeAddress: '重庆市万州区****',
  aidedHubei: true,
  batch: 1,
  batchLabel: '第一批',
  withdrawnAt: null,
  withdrawReason: null,
  version: 3,
}

async function mountWorkers(roles, rows = [WORKER], replies = () => null) {
  const calls = fakeBackend((call) => {
    const reply = replies(call)
    if (reply) return reply
    if (call.url === '/orgs/tree' || call.url.endsWith('/options')) return { data: [] }
    if (call.url === '/medical-workers') return { data: page(rows) }
    return { status: 404 }
  })
  session.staff = staffView({ id: 7, orgId: 2, orgName: '共青团重庆市委员会', roles })
  wrapper = await mountPage(MedicalWorkersView, '/medical-workers', { pinia, router })
  return calls
}

describe('withdraw, restore and delete on the 医护人员 page', () => {
  it('withdraws with a reason and reloads; a viewer sees none of it', async () => {
    const calls = await mountWorkers(['DISPATCHER'], [WORKER], (call) =>
      call.url === '/medical-workers/1/withdraw' ? { data: { ...WORKER, withdrawnAt: '2026-12-07T08:00:00', withdrawReason: call.data.reason } } : null,
    )
    expect(buttonTexts()).toContain('撤出')
    expect(buttonTexts()).not.toContain('删除') // deleting an entry made by mistake is for admins
    button('撤出').click()
    await settle()
    const dialog = dialogTitled('撤出：陈晓燕')
    expect(dialog.textContent).toContain('自今日起不再计入统计表')

    button('确认撤出', dialog).click()
    await settle()
    await vi.waitFor(() => expect(dialog.querySelector('.el-form-item__error')?.textContent).toContain('请填写撤出原因'))
    expect(calls.some((c) => c.url.endsWith('/withdraw'))).toBe(false)

    await type(dialog.querySelector('textarea'), '已撤离一线')
    button('确认撤出', dialog).click()
    await vi.waitFor(() => expect(calls.some((c) => c.url === '/medical-workers/1/withdraw')).toBe(true))
    expect(calls.find((c) => c.url === '/medical-workers/1/withdraw')).toMatchObject({ method: 'POST', data: { reason: '已撤离一线' } })
    await vi.waitFor(() => expect(calls.filter((c) => c.url === '/medical-workers')).toHaveLength(2))
  })

  it('offers 恢复 for a withdrawn person and 删除 to an admin, showing a refusal in the dialog', async () => {
    const withdrawn = { ...WORKER, withdrawnAt: '2026-12-06T08:00:00', withdrawReason: '已撤离一线' }
    const calls = await mountWorkers(['ORG_ADMIN'], [withdrawn], (call) => {
      if (call.url === '/medical-workers/1/delete') {
        return apiError(409, 'WORKER_HAS_HISTORY', '该家庭已有求助、结对或服务记录，不能删除，请改用“撤出”')
      }
      if (call.url === '/medical-workers/1/restore') return { data: { ...WORKER } }
      return null
    })
    expect(document.querySelector('.el-table__body tr').textContent).toContain('已撤出')
    expect(buttonTexts()).not.toContain('撤出')

    button('删除').click()
    await settle()
    const del = dialogTitled('删除误录人员')
    expect(del.textContent).toContain('仅用于误录的人员')
    await type(del.querySelector('textarea'), '误录')
    button('确认删除', del).click()
    await vi.waitFor(() => expect(calls.find((c) => c.url === '/medical-workers/1/delete')?.data).toEqual({ reason: '误录' }))
    // the refusal shows under the form (the dialog stays open), besides the notice above it
    await vi.waitFor(() => expect([...del.querySelectorAll('.el-alert')].map((a) => a.textContent).join('|')).toContain('不能删除'))

    del.querySelector('.el-dialog__headerbtn').click()
    await settle()
    button('恢复').click()
    await settle()
    const restore = dialogTitled('恢复：陈晓燕')
    await type(restore.querySelector('textarea'), '重返一线')
    button('确认恢复', restore).click()
    await vi.waitFor(() => expect(calls.find((c) => c.url === '/medical-workers/1/restore')?.data).toEqual({ reason: '重返一线' }))
  })

  it('lists withdrawn people on request only', async () => {
    const calls = await mountWorkers(['VIEWER'])
    for (const hidden of ['撤出', '恢复', '删除', '导出原文']) expect(buttonTexts()).not.toContain(hidden)
    expect(calls.find((c) => c.url === '/medical-workers').params.status).toBeUndefined()
    const status = wrapper.findAllComponents({ name: 'ElSelect' }).find((s) => s.props('modelValue') === 'ACTIVE')
    status.vm.$emit('update:modelValue', 'WITHDRAWN')
    await settle()
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(calls.filter((c) => c.url === '/medical-workers').at(-1).params).toMatchObject({ status: 'WITHDRAWN' })
  })
})

describe('export in clear', () => {
  it('asks for the reason like a reveal and posts it with the current filters', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const calls = await mountWorkers(['DISPATCHER'], [WORKER], (call) =>
      call.url === '/medical-workers/export-clear' ? { data: new Blob(['PK']) } : null,
    )
    await wrapper.find('input[placeholder="姓名关键字"]').setValue('陈')
    button('导出原文').click()
    await settle()
    const dialog = dialogTitled('导出原文')
    expect(dialog.textContent).toContain('每位导出的人员都会记入个人信息查看记录')
    await type(dialog.querySelector('textarea'), '报送市政府')
    button('确认导出', dialog).click()
    await vi.waitFor(() => expect(calls.some((c) => c.url === '/medical-workers/export-clear')).toBe(true))
    expect(calls.find((c) => c.url === '/medical-workers/export-clear')).toMatchObject({
      method: 'POST',
      params: { keyword: '陈' },
      data: { reason: '报送市政府' },
    })
  })
})

async function open(component, props = {}) {
  wrapper = mount(component, {
    props: { modelValue: false, ...props },
    global: { plugins: [pinia, router, ElementPlus] },
    attachTo: document.body,
  })
  await wrapper.setProps({ modelValue: true })
  await settle()
}
const dialog = () => document.querySelector('.el-dialog')
async function chooseFile(name = '全市名单.xlsx') {
  const input = dialog().querySelector('.el-upload input[type=file]')
  const file = new File(['PK fake xlsx'], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
  await settle()
  return file
}

describe('WorkerImportDialog dry run', () => {
  const DRY = {
    committed: false,
    dryRun: true,
    rows: 3,
    created: 1,
    updated: 2,
    moved: 1,
    skipped: 0,
    matchedByIdNumber: 1,
    matchedByHospitalAndName: 1,
    errors: [],
    matches: [
      { row: 4, action: 'UPDATED', matchedBy: 'ID_NUMBER', workerId: 5 },
      { row: 5, action: 'UPDATED', matchedBy: 'HOSPITAL_AND_NAME', workerId: 6 },
      { row: 6, action: 'CREATED', matchedBy: null, workerId: null },
    ],
    moves: [{ row: 4, name: '陈晓燕', from: '万州区', to: '黔江区' }],
  }

  it('checks without saving, shows how each row matched and who moves, then imports the same file', async () => {
    const calls = fakeBackend((call) =>
      call.params?.dryRun ? { data: DRY } : { data: { ...DRY, dryRun: false, committed: true } },
    )
    await open(WorkerImportDialog, { orgTree: [], defaultOrgId: 2 })
    expect(dialog().textContent).toContain('全市一张表时每行填写“区县”')
    const file = await chooseFile()
    button('试导入', dialog()).click()
    await vi.waitFor(() => expect(dialog().textContent).toContain('试导入（未保存）：共 3 行，新增 1 人，更新 2 人（按身份证号认定 1 人，按医院+姓名认定 1 人），其中 1 人转到其他区县；没有发现错误'))
    expect(calls[0].params).toEqual({ orgId: 2, dryRun: true })
    expect(wrapper.emitted('imported')).toBeUndefined()
    expect(dialog().textContent).toContain('转到其他区县的人员（1）')
    expect(dialog().textContent).toContain('逐行认定结果（3）')

    button('开始导入', dialog()).click()
    await vi.waitFor(() => expect(wrapper.emitted('imported')).toBeTruthy())
    expect(calls[1].params).toEqual({ orgId: 2 })
    expect(calls[1].data.get('file')).toBe(file)
  })
})

describe('HospitalImportDialog', () => {
  it('dry-runs, lists bad cells, and imports the valid rows only on request', async () => {
    const report = {
      committed: false,
      dryRun: true,
      rows: 3,
      created: 2,
      existing: 0,
      errors: [{ row: 3, column: '隶属层级', message: '隶属层级应为部属、省属、市属或县（区）属' }],
    }
    const calls = fakeBackend((call) => {
      if (call.params?.validOnly) return { data: { ...report, dryRun: false, committed: true } }
      if (call.params?.dryRun) return { data: report }
      return { data: { ...report, dryRun: false } }
    })
    await open(HospitalImportDialog)
    expect(dialog().textContent).toContain('下载医院模板')
    await chooseFile('医院.xlsx')
    button('试导入', dialog()).click()
    await vi.waitFor(() => expect(dialog().textContent).toContain('试导入（未保存）：共 3 行，新增 2 家；发现 1 处错误'))
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/hospitals/import', params: { dryRun: true } })
    const cells = [...dialog().querySelectorAll('.import-errors .el-table__body td')].map((td) => td.textContent.trim())
    expect(cells).toEqual(['3', '隶属层级', '隶属层级应为部属、省属、市属或县（区）属'])
    expect(buttonTexts(dialog())).not.toContain('开始导入')

    button('只导入正确的行（2 行）', dialog()).click()
    await vi.waitFor(() => expect(wrapper.emitted('imported')).toBeTruthy())
    expect(calls[1].params).toEqual({ validOnly: true })
  })
})

describe('统计表 cut-off date', () => {
  const TABLE = {
    title: '重庆市一线医护人员信息统计表',
    asOf: '2026-11-30',
    batches: [1, 2],
    batchLabels: ['第一批', '第二批'],
    rows: [
      { seq: 1, orgId: 3, district: '万州区', overall: { total: 5, aidedHubei: 0 }, batches: [{ total: 5, aidedHubei: 0 }, { total: 0, aidedHubei: 0 }] },
      { seq: null, orgId: 2, district: '共青团重庆市委员会（本级）', overall: { total: 1, aidedHubei: 1 }, batches: [{ total: 1, aidedHubei: 1 }, { total: 0, aidedHubei: 0 }] },
    ],
    total: { seq: null, orgId: null, district: '合计', overall: { total: 6, aidedHubei: 1 }, batches: [{ total: 6, aidedHubei: 1 }, { total: 0, aidedHubei: 0 }] },
  }

  it('shows the region in the title, leaves （本级） unnumbered, and reloads and downloads for the chosen day', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const calls = fakeBackend((call) => (call.url.endsWith('/excel') ? { data: new Blob(['PK']) } : { data: TABLE }))
    wrapper = await mountPage(DistrictStatisticsView, '/statistics', { pinia, router })
    expect(calls[0].params).toEqual({})
    expect(wrapper.text()).toContain('重庆市一线医护人员信息统计表')
    const firstCells = wrapper.findAll('tbody tr').map((tr) => tr.findAll('td')[0].text())
    expect(firstCells).toEqual(['1', ''])

    const picker = wrapper.findComponent({ name: 'ElDatePicker' })
    picker.vm.$emit('update:modelValue', '2026-11-30')
    picker.vm.$emit('change', '2026-11-30')
    await settle()
    expect(calls.at(-1)).toMatchObject({ url: '/statistics/districts', params: { asOf: '2026-11-30' } })
    expect(wrapper.text()).toContain('截至 2026 年 11 月 30 日')

    button('下载 Excel').click()
    await vi.waitFor(() => expect(calls.some((c) => c.url === '/statistics/districts/excel')).toBe(true))
    expect(calls.find((c) => c.url === '/statistics/districts/excel').params).toEqual({ asOf: '2026-11-30' })
  })
})
