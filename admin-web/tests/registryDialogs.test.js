import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import { bindSession } from '@/api/request'
import { revealWorker } from '@/api/medicalWorkers'
import { useSessionStore } from '@/stores/session'
import RevealDialog from '@/components/RevealDialog.vue'
import WorkerImportDialog from '@/views/workers/WorkerImportDialog.vue'
import HospitalFormDialog from '@/views/hospitals/HospitalFormDialog.vue'
import DistrictStatisticsView from '@/views/statistics/DistrictStatisticsView.vue'
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
  session.staff = staffView()
})

afterEach(() => {
  wrapper?.unmount()
  ElMessage.closeAll()
  document.body.innerHTML = ''
})

async function open(component, props) {
  wrapper = mount(component, {
    props: { modelValue: false, ...props },
    global: { plugins: [pinia, router, ElementPlus] },
    attachTo: document.body,
  })
  await wrapper.setProps({ modelValue: true })
  await settle()
  return wrapper
}

const dialog = () => document.querySelector('.el-dialog')
const buttonsOf = (root) => [...root.querySelectorAll('button')]
function clickButton(text, root = dialog()) {
  const button = buttonsOf(root).find((b) => b.textContent.trim().startsWith(text))
  if (!button) throw new Error(`no button ${text}`)
  button.click()
}
async function type(input, value) {
  input.value = value
  input.dispatchEvent(new Event('input'))
  await settle()
}
const fieldError = (root = dialog()) => root.querySelector('.el-form-item__error')?.textContent.trim()

describe('RevealDialog', () => {
  const openReveal = () =>
    open(RevealDialog, {
      subject: '医护人员「陈晓燕」',
      reveal: (reason) => revealWorker(1, reason, { silent: true }),
    })

  it('requires a reason of 2–200 characters before calling the API', async () => {
    const calls = fakeBackend(() => ({ data: {} }))
    await openReveal()
    expect(dialog().textContent).toContain('即将查看医护人员「陈晓燕」的个人信息原文')
    expect(dialog().textContent).toContain('查看将被记录')

    clickButton('确认查看')
    await vi.waitFor(() => expect(fieldError()).toBe('请填写查看原因'))

    await type(dialog().querySelector('textarea'), '看')
    clickButton('确认查看')
    await vi.waitFor(() => expect(fieldError()).toBe('查看原因为 2–200 个字'))
    expect(calls).toHaveLength(0)
  })

  it('shows the API message on 403 and stays open', async () => {
    const calls = fakeBackend(() => apiError(403, 'FORBIDDEN', '您的角色不能查看个人信息原文'))
    await openReveal()

    await type(dialog().querySelector('textarea'), ' 电话回访家属 ')
    clickButton('确认查看')

    await vi.waitFor(() => expect(dialog().querySelector('.el-alert--error')?.textContent).toContain('您的角色不能查看个人信息原文'))
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/medical-workers/1/reveal', data: { reason: '电话回访家属' } })
    expect(wrapper.emitted('revealed')).toBeUndefined()
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
    expect(toastTexts()).toEqual([]) // said once, in the dialog
  })

  it('shows a rejected reason on its field, and hands over the clear view with a suggested reason', async () => {
    let refuse = true
    fakeBackend(() =>
      refuse
        ? apiError(400, 'VALIDATION_FAILED', '填写的内容有误', [{ field: 'reason', message: '不能包含 < > 等标记符号或不可见字符' }])
        : { data: { id: 1, revealed: true, ownPhone: '13900000001' } },
    )
    await openReveal()
    await type(dialog().querySelector('textarea'), '回访<b>')
    clickButton('确认查看')
    await vi.waitFor(() => expect(fieldError()).toBe('不能包含 < > 等标记符号或不可见字符'))
    expect(dialog().querySelector('.el-alert--error')).toBeNull()

    refuse = false
    ;[...dialog().querySelectorAll('.el-tag')].find((t) => t.textContent.trim() === '电话回访家属').click()
    await settle()
    clickButton('确认查看')

    await vi.waitFor(() => expect(wrapper.emitted('revealed')).toBeTruthy())
    expect(wrapper.emitted('revealed')[0]).toEqual([{ id: 1, revealed: true, ownPhone: '13900000001' }, '电话回访家属'])
    expect(wrapper.emitted('update:modelValue')[0]).toEqual([false])
  })
})

describe('WorkerImportDialog', () => {
  const REPORT_WITH_ERRORS = {
    committed: false,
    rows: 4,
    created: 0,
    updated: 0,
    skipped: 2,
    errors: [
      { row: 5, column: '医院', message: '系统中没有名为“某某医院”的医院' },
      { row: 5, column: '本人联系电话', message: '请填写 11 位手机号或带区号的固定电话' },
      { row: 7, column: '批次', message: '批次应为“第一批”或数字' },
    ],
  }

  async function chooseFile(name = '名单.xlsx') {
    const input = dialog().querySelector('.el-upload input[type=file]')
    const file = new File(['PK fake xlsx'], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
    Object.defineProperty(input, 'files', { value: [file], configurable: true })
    input.dispatchEvent(new Event('change'))
    await settle()
    return file
  }

  it('lists every bad cell (行, 列, 原因) and re-posts the same file with validOnly=true', async () => {
    const calls = fakeBackend((call, config) => {
      config.onUploadProgress?.({ loaded: 10, total: 10 })
      return call.params?.validOnly
        ? { data: { ...REPORT_WITH_ERRORS, committed: true, created: 2 } }
        : { data: REPORT_WITH_ERRORS }
    })
    await open(WorkerImportDialog, { orgTree: [], defaultOrgId: 3 })
    expect(dialog().textContent).toContain('下载导入模板')

    const file = await chooseFile()
    expect(dialog().textContent).toContain('名单.xlsx')
    clickButton('开始导入')

    await vi.waitFor(() => expect(dialog().textContent).toContain('发现 3 处错误（涉及 2 行），本次未导入任何数据'))
    expect(calls[0].params).toEqual({ orgId: 3 })
    expect(calls[0].data.get('file')).toBe(file)
    const headers = [...dialog().querySelectorAll('.import-errors th')].map((th) => th.textContent.trim())
    expect(headers).toEqual(['行', '列', '原因'])
    const rows = [...dialog().querySelectorAll('.import-errors .el-table__body tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
    )
    expect(rows).toEqual([
      ['5', '医院', '系统中没有名为“某某医院”的医院'],
      ['5', '本人联系电话', '请填写 11 位手机号或带区号的固定电话'],
      ['7', '批次', '批次应为“第一批”或数字'],
    ])
    expect(wrapper.emitted('imported')).toBeUndefined()

    clickButton('只导入正确的行（2 行）')

    await vi.waitFor(() => expect(wrapper.emitted('imported')).toBeTruthy())
    expect(calls[1]).toMatchObject({ method: 'POST', url: '/medical-workers/import', params: { orgId: 3, validOnly: true } })
    expect(calls[1].data.get('file')).toBe(file)
    expect(dialog().textContent).toContain('导入完成：共 4 行，新增 2 人，更新 0 人，跳过 2 行有错误的数据')
  })

  it('refuses other files before uploading, and shows the API’s reason for an unreadable sheet', async () => {
    const calls = fakeBackend(() => apiError(400, 'IMPORT_HEADER_MISMATCH', '表头与模板不一致，请下载最新模板后重新填写'))
    await open(WorkerImportDialog, { orgTree: [], defaultOrgId: null })

    await chooseFile('名单.xls')
    await vi.waitFor(() => expect(fieldError()).toBe('请选择由模板填写的 .xlsx 文件'))
    expect(buttonsOf(dialog()).find((b) => b.textContent.trim() === '开始导入').disabled).toBe(true)

    await chooseFile('名单.xlsx')
    clickButton('开始导入')
    await vi.waitFor(() => expect(dialog().querySelector('.el-alert--error')?.textContent).toContain('表头与模板不一致'))
    expect(calls).toHaveLength(1)
    expect(toastTexts()).toEqual([])
  })
})

describe('HospitalFormDialog', () => {
  const LEVELS = [
    { value: 'MINISTRY_RUN', label: '部属' },
    { value: 'CITY_RUN', label: '市属' },
  ]
  const hospital = { id: 3, name: '广州市第八人民医院', city: '广州市', district: '白云区', level: 'CITY_RUN', designated: true, orgId: 2, orgName: '共青团广州市委员会', version: 4 }

  it('explains the default responsible league and shows an out-of-jurisdiction refusal on that field', async () => {
    const calls = fakeBackend(() =>
      apiError(403, 'RESPONSIBLE_ORG_OUTSIDE_JURISDICTION', '按规定该医院由共青团广东省委员会负责，请联系其录入，或指定本辖区内的负责组织'),
    )
    await open(HospitalFormDialog, { mode: 'edit', hospital, levelOptions: LEVELS, orgTree: [] })
    expect(dialog().textContent).toContain('部属、省属医院由省团委负责；市属、县（区）属医院由所在城市的市团委负责')

    clickButton('保存')
    await vi.waitFor(() => expect(calls).toHaveLength(1))
    expect(calls[0]).toMatchObject({
      method: 'PUT',
      url: '/hospitals/3',
      data: { name: '广州市第八人民医院', city: '广州市', district: '白云区', level: 'CITY_RUN', designated: true, orgId: 2, version: 4 },
    })
    await vi.waitFor(() => expect(fieldError()).toContain('按规定该医院由共青团广东省委员会负责'))
  })
})

describe('统计表 page', () => {
  const TABLE = {
    asOf: '2026-11-25',
    batches: [1, 2],
    batchLabels: ['第一批', '第二批'],
    rows: [
      { seq: 1, orgId: 3, district: '广州市天河区', overall: { total: 12, aidedHubei: 3 }, batches: [{ total: 7, aidedHubei: 3 }, { total: 5, aidedHubei: 0 }] },
      { seq: 2, orgId: 2, district: '共青团广州市委员会（本级）', overall: { total: 2, aidedHubei: 1 }, batches: [{ total: 1, aidedHubei: 1 }, { total: 0, aidedHubei: 0 }] },
    ],
    total: { seq: 0, orgId: null, district: '合计', overall: { total: 14, aidedHubei: 4 }, batches: [{ total: 8, aidedHubei: 4 }, { total: 5, aidedHubei: 0 }] },
  }

  it('lays the table out like the annex: two header rows, one row per district and the 合计 row', async () => {
    const calls = fakeBackend(() => ({ data: TABLE }))
    await router.push('/statistics')
    wrapper = mount(DistrictStatisticsView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
    await settle()

    expect(calls[0].url).toBe('/statistics/districts')
    expect(wrapper.text()).toContain('截至 2026 年 11 月 25 日')
    const headRows = wrapper.findAll('thead tr').map((tr) => tr.findAll('th').map((th) => th.text()))
    expect(headRows).toEqual([
      ['序号', '区县', '共计', '第一批', '第二批', '备注'],
      ['总人数', '其中：支援湖北', '总人数', '其中：支援湖北', '总人数', '其中：支援湖北'],
    ])
    expect(wrapper.findAll('thead th').filter((th) => th.attributes('colspan') === '2').map((th) => th.text())).toEqual(['共计', '第一批', '第二批'])
    const bodyRows = wrapper.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()))
    expect(bodyRows).toEqual([
      ['1', '广州市天河区', '12', '3', '7', '3', '5', '0', ''],
      ['2', '共青团广州市委员会（本级）', '2', '1', '1', '1', '0', '0', ''],
    ])
    expect(wrapper.findAll('tfoot td').map((td) => td.text())).toEqual(['合计', '14', '4', '8', '4', '5', '0', ''])
    expect(wrapper.text()).toContain('下载 Excel')
  })

  it('shows the load error with a retry', async () => {
    fakeBackend(() => apiError(500, 'INTERNAL_ERROR', '服务器开小差了，请稍后重试'))
    await router.push('/statistics')
    wrapper = mount(DistrictStatisticsView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
    await settle()
    expect(wrapper.text()).toContain('服务器开小差了，请稍后重试')
    expect(wrapper.find('table').exists()).toBe(false)
  })
})
