import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { ElMessage } from 'element-plus'
import { bindSession } from '@/api/request'
import { createHospital, getHospital, getHospitalLevels, listHospitals, updateHospital } from '@/api/hospitals'
import { createTeam, getTeam, listTeams, revealTeam, updateTeam } from '@/api/medicalTeams'
import {
  createWorker,
  downloadWorkerTemplate,
  exportWorkers,
  getWorker,
  importWorkers,
  listWorkers,
  revealWorker,
  updateFamily,
  updateWorker,
} from '@/api/medicalWorkers'
import { downloadDistrictStatistics, getDistrictStatistics } from '@/api/statistics'
import { listPersonalDataAccess } from '@/api/personalDataAccess'
import { useSessionStore } from '@/stores/session'
import { filenameFromDisposition } from '@/utils/download'
import { apiError, fakeBackend, makeRouter, settle, toastTexts } from './helpers'

const PAGE = { items: [], total: 0, page: 1, size: 20 }
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

let saved // [{href, download}] of the links the download helper clicked

beforeEach(() => {
  setActivePinia(createPinia())
  const session = useSessionStore()
  bindSession({ session, router: makeRouter() })
  session.token = 'tok-9'
  saved = []
  // jsdom has no object URLs and does not download: record what would have been saved
  URL.createObjectURL = vi.fn(() => 'blob:qingnuan/1')
  URL.revokeObjectURL = vi.fn()
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click() {
    saved.push({ href: this.href, download: this.download })
  })
})

afterEach(async () => {
  ElMessage.closeAll()
  await settle()
  document.body.innerHTML = ''
})

describe('registry API wrappers', () => {
  it('hospitals: list with filters, levels, one, create and update', async () => {
    const calls = fakeBackend(() => ({ data: PAGE }))
    await listHospitals({ keyword: '八院', level: 'CITY_RUN', city: '', designated: true, page: 2, size: 20 })
    await getHospitalLevels()
    await getHospital(3)
    await createHospital({ name: '甲医院', city: '广州市', level: 'CITY_RUN' })
    await updateHospital(3, { name: '乙医院', version: 2 })

    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /hospitals',
      'GET /hospitals/levels',
      'GET /hospitals/3',
      'POST /hospitals',
      'PUT /hospitals/3',
    ])
    expect(calls[0].params).toEqual({ keyword: '八院', level: 'CITY_RUN', designated: true, page: 2, size: 20 })
    expect(calls[3].data).toEqual({ name: '甲医院', city: '广州市', level: 'CITY_RUN' })
    expect(calls[4].data).toEqual({ name: '乙医院', version: 2 })
    expect(calls.every((c) => c.headers.Authorization === 'Bearer tok-9')).toBe(true)
  })

  it('teams: list, one, create, update and reveal with a reason', async () => {
    const calls = fakeBackend(() => ({ data: PAGE }))
    await listTeams({ status: 'DEPLOYED', aidingHubei: false, batch: 1 })
    await getTeam(1)
    await createTeam({ name: '队', contacts: [] })
    await updateTeam(1, { name: '队', version: 0 })
    await revealTeam(1, '联系领队')

    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /medical-teams',
      'GET /medical-teams/1',
      'POST /medical-teams',
      'PUT /medical-teams/1',
      'POST /medical-teams/1/reveal',
    ])
    expect(calls[0].params).toEqual({ status: 'DEPLOYED', aidingHubei: false, batch: 1 })
    expect(calls[4].data).toEqual({ reason: '联系领队' })
  })

  it('workers: list, detail, reveal, create, update and family', async () => {
    const calls = fakeBackend(() => ({ data: PAGE }))
    await listWorkers({ orgId: 3, hospitalId: null, teamId: 2, aidedHubei: true, batch: 1, keyword: '陈', phone: '13900000001', page: 1, size: 20 })
    await getWorker(1)
    await revealWorker(1, '电话回访家属')
    await createWorker({ name: '陈晓燕' })
    await updateWorker(1, { name: '陈晓燕', version: 0 })
    await updateFamily(1, { members: [], version: 0 })

    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /medical-workers',
      'GET /medical-workers/1',
      'POST /medical-workers/1/reveal',
      'POST /medical-workers',
      'PUT /medical-workers/1',
      'PUT /medical-workers/1/family',
    ])
    expect(calls[0].params).toEqual({ orgId: 3, teamId: 2, aidedHubei: true, batch: 1, keyword: '陈', phone: '13900000001', page: 1, size: 20 })
    expect(calls[2].data).toEqual({ reason: '电话回访家属' })
    expect(calls[5].data).toEqual({ members: [], version: 0 })
  })

  it('statistics and the personal data access log', async () => {
    const calls = fakeBackend(() => ({ data: PAGE }))
    await getDistrictStatistics()
    await listPersonalDataAccess({ subjectType: 'MEDICAL_WORKER', subjectId: 1, staffId: null, page: 1, size: 20 })

    expect(calls[0]).toMatchObject({ method: 'GET', url: '/statistics/districts' })
    expect(calls[1]).toMatchObject({
      method: 'GET',
      url: '/personal-data-access',
      params: { subjectType: 'MEDICAL_WORKER', subjectId: 1, page: 1, size: 20 },
    })
  })
})

describe('import', () => {
  it('posts the file as multipart field `file` with orgId, reports upload progress and resolves with the report', async () => {
    const report = { committed: false, rows: 3, created: 0, updated: 0, skipped: 1, errors: [{ row: 5, column: '医院', message: '没有该医院' }] }
    const calls = fakeBackend((_call, config) => {
      config.onUploadProgress({ loaded: 50, total: 200 })
      config.onUploadProgress({ loaded: 200, total: 200 })
      return { data: report }
    })
    const progress = []
    const file = new File(['xlsx bytes'], '名单.xlsx', { type: XLSX })

    const result = await importWorkers(file, { orgId: 3 }, { onProgress: (p) => progress.push(p) })

    expect(result).toEqual(report)
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/medical-workers/import', params: { orgId: 3 } })
    expect(calls[0].data).toBeInstanceOf(FormData)
    expect(calls[0].data.get('file').name).toBe('名单.xlsx')
    expect(progress).toEqual([25, 100])
  })

  it('asks for the valid rows only with validOnly=true', async () => {
    const calls = fakeBackend(() => ({ data: { committed: true, rows: 3, created: 2, updated: 0, skipped: 1, errors: [] } }))
    await importWorkers(new File(['x'], 'a.xlsx'), { orgId: null, validOnly: true })
    expect(calls[0].params).toEqual({ validOnly: true })
  })
})

describe('downloads', () => {
  it('fetches the template with the Bearer header as a blob and saves it under the server’s name', async () => {
    const calls = fakeBackend(() => ({
      data: new Blob(['PK'], { type: XLSX }),
      headers: { 'content-disposition': "attachment; filename*=UTF-8''%E4%B8%80%E7%BA%BF%E5%8C%BB%E6%8A%A4%E4%BA%BA%E5%91%98%E4%BF%A1%E6%81%AF%E8%A1%A8%E6%A8%A1%E6%9D%BF.xlsx" },
    }))

    const name = await downloadWorkerTemplate()

    expect(calls[0]).toMatchObject({ method: 'GET', url: '/medical-workers/template' })
    expect(calls[0].headers.Authorization).toBe('Bearer tok-9')
    expect(name).toBe('一线医护人员信息表模板.xlsx')
    expect(URL.createObjectURL).toHaveBeenCalledWith(expect.any(Blob))
    expect(saved).toEqual([{ href: 'blob:qingnuan/1', download: '一线医护人员信息表模板.xlsx' }])
  })

  it('exports with the list filters and falls back to a default name', async () => {
    const calls = fakeBackend(() => ({ data: new Blob(['PK'], { type: XLSX }) }))
    await exportWorkers({ orgId: 3, keyword: '', aidedHubei: true })
    await downloadDistrictStatistics()

    expect(calls[0]).toMatchObject({ url: '/medical-workers/export', params: { orgId: 3, aidedHubei: true } })
    expect(calls[1].url).toBe('/statistics/districts/excel')
    expect(saved.map((s) => s.download)).toEqual(['一线医护人员信息.xlsx', '一线医护人员信息统计表.xlsx'])
  })

  it('reads the JSON error body of a failed download and shows its message', async () => {
    fakeBackend(() => ({
      status: 403,
      data: new Blob([JSON.stringify({ code: 'FORBIDDEN', message: '您没有权限进行此操作', traceId: 't-1', fieldErrors: [] })], {
        type: 'application/json',
      }),
    }))

    const error = await exportWorkers({}).catch((e) => e)
    await settle()

    expect(error).toMatchObject({ status: 403, code: 'FORBIDDEN', message: '您没有权限进行此操作', traceId: 't-1' })
    expect(toastTexts()).toContain('您没有权限进行此操作')
    expect(saved).toEqual([])
  })

  it('reads file names from Content-Disposition', () => {
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%E7%BB%9F%E8%AE%A1.xlsx")).toBe('统计.xlsx')
    expect(filenameFromDisposition('attachment; filename="report.xlsx"')).toBe('report.xlsx')
    expect(filenameFromDisposition('attachment')).toBeNull()
    expect(filenameFromDisposition(undefined)).toBeNull()
  })
})

describe('reveal errors', () => {
  it('a silent reveal rejects with the API message and shows no toast', async () => {
    fakeBackend(() => apiError(403, 'FORBIDDEN', '您的角色不能查看个人信息原文'))
    const error = await revealWorker(1, '电话回访家属', { silent: true }).catch((e) => e)
    await settle()
    expect(error.message).toBe('您的角色不能查看个人信息原文')
    expect(toastTexts()).toEqual([])
  })
})
