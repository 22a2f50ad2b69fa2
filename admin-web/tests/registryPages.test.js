import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import { bindSession } from '@/api/request'
import { useSessionStore } from '@/stores/session'
import HospitalsView from '@/views/hospitals/HospitalsView.vue'
import MedicalTeamsView from '@/views/teams/MedicalTeamsView.vue'
import MedicalWorkersView from '@/views/workers/MedicalWorkersView.vue'
import PersonalDataAccessView from '@/views/privacy/PersonalDataAccessView.vue'
import { fakeBackend, makeRouter, settle, staffView } from './helpers'

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

// --- workers
const MASKED = {
  id: 1,
  orgId: 3,
  orgName: '共青团广州市天河区委员会',
  hospitalId: 1,
  hospitalName: '中山大学附属第一医院',
  teamId: 1,
  teamName: '广东省第一批援鄂医疗队',
  name: '陈晓燕',
  gender: 'FEMALE',
  genderLabel: '女',
  position: '护士',
  frontlineLocation: '湖北省武汉市某定点医院 ICU',
  homeAddress: '广州市天河区****',
  ownPhone: '139****0001',
  familyPhone: '137****0001',
  hasIdNumber: true,
  hasNotes: true,
  pairedVolunteer: '李志愿',
  aidedHubei: true,
  batch: 1,
  batchLabel: '第一批',
  revealed: false,
  version: 3,
}
const MASKED_DETAIL = {
  ...MASKED,
  family: {
    id: 11,
    address: '广州市天河区****',
    latitude: 23.1,
    longitude: 113.34,
    members: [
      { id: 1, relation: 'PARENT', relationLabel: '父母', ageBand: 'ELDERLY', ageBandLabel: '80 岁及以上', elderlyAlone: true, schoolChild: false, chronicIllness: true, pregnant: false, disabled: false, name: '李*婆', phone: '137****0001' },
    ],
    version: 2,
  },
}
const CLEAR_DETAIL = {
  ...MASKED_DETAIL,
  homeAddress: '广州市天河区体育西路10号1栋101房',
  ownPhone: '13900000001',
  familyPhone: '13700000001',
  idNumber: '440106199001011234',
  notes: '家中老人独居，需定期代购药品',
  revealed: true,
  family: {
    ...MASKED_DETAIL.family,
    address: '广州市天河区体育西路10号1栋101房',
    latitude: 23.135421,
    longitude: 113.335612,
    members: [{ ...MASKED_DETAIL.family.members[0], name: '李阿婆', phone: '13700000001', healthNote: '高血压' }],
  },
}

function workersBackend() {
  return fakeBackend((call) => {
    if (call.url === '/orgs/tree') return { data: [] }
    if (call.url === '/hospitals/options') return { data: [{ id: 3, name: '广州市第八人民医院' }] }
    if (call.url === '/medical-teams/options') return { data: [{ id: 2, name: '广州市第二批医疗队' }] }
    if (call.url === '/medical-workers') return { data: page([MASKED]) }
    if (call.url === '/medical-workers/1' && call.method === 'GET') return { data: MASKED_DETAIL }
    if (call.url === '/medical-workers/1/reveal') return { data: CLEAR_DETAIL }
    if (call.url === '/medical-workers/1' && call.method === 'PUT') return { data: { ...MASKED_DETAIL, position: call.data.position, version: 4 } }
    if (call.url === '/families/11/wechat-users') return { data: [{ userId: 3, role: 'FAMILY', phone: '137****0001', source: 'FAMILY_INVITE', boundAt: '2026-11-25T10:00:00' }] }
    return { status: 404 }
  })
}

const drawer = () => document.querySelector('.worker-drawer')

describe('医护人员 page', () => {
  it('shows a viewer masked data and nothing to create, import, export or reveal', async () => {
    workersBackend()
    await mountPage(MedicalWorkersView, '/medical-workers', ['VIEWER'])

    const row = document.querySelector('.el-table__body tr').textContent
    expect(row).toContain('139****0001')
    expect(row).toContain('广州市天河区****')
    for (const hidden of ['登记医护人员', '导入', '导出', '查看原文']) expect(buttonTexts()).not.toContain(hidden)

    button('详情').click()
    await settle()
    expect(drawer().textContent).toContain('李*婆')
    expect(drawer().textContent).toContain('已登记（查看原文后显示）')
    expect(drawer().textContent).toContain('独居老人')
    expect(buttonTexts(drawer())).not.toContain('查看原文')
    expect(buttonTexts(drawer())).not.toContain('编辑信息')
    // who is bound to the family in the mini-program, but no invite codes for a viewer
    expect(drawer().querySelector('.bound-users').textContent).toContain('家属邀请码')
    expect(buttonTexts(drawer())).not.toContain('生成家属邀请码')
  })

  it('lets a dispatcher edit only after revealing with a reason, sending the clear values back', async () => {
    const calls = workersBackend()
    await mountPage(MedicalWorkersView, '/medical-workers', ['DISPATCHER'])
    for (const shown of ['登记医护人员', '导入', '导出']) expect(buttonTexts()).toContain(shown)

    button('详情').click()
    await settle()
    expect(buttonTexts(drawer())).toContain('生成家属邀请码')
    button('编辑信息', drawer()).click()
    await settle()

    // reveal first: the dialog says why, nothing is edited yet
    const reveal = dialogTitled('编辑前查看原文')
    expect(reveal.textContent).toContain('编辑前需先查看原文')
    expect(dialogTitled('编辑医护人员')).toBeUndefined()
    await type(reveal.querySelector('textarea'), '修改登记信息')
    button('确认查看', reveal).click()

    await vi.waitFor(() => expect(dialogTitled('编辑医护人员')).toBeTruthy())
    expect(calls.find((c) => c.url === '/medical-workers/1/reveal').data).toEqual({ reason: '修改登记信息' })
    expect(drawer().textContent).toContain('已记录查看')
    expect(drawer().textContent).toContain('（原因：修改登记信息）')
    expect(drawer().textContent).toContain('13900000001')

    const form = dialogTitled('编辑医护人员')
    expect(formItem(form, '本人联系电话').querySelector('input').value).toBe('13900000001')
    await type(formItem(form, '职务').querySelector('input'), '护士长')
    button('保存', form).click()

    await vi.waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true))
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
      url: '/medical-workers/1',
      data: {
        hospitalId: 1,
        teamId: 1,
        orgId: 3,
        name: '陈晓燕',
        gender: 'FEMALE',
        position: '护士长',
        homeAddress: '广州市天河区体育西路10号1栋101房',
        ownPhone: '13900000001',
        familyPhone: '13700000001',
        idNumber: '440106199001011234',
        notes: '家中老人独居，需定期代购药品',
        aidedHubei: true,
        batch: 1,
        version: 3,
      },
    })
    // the API answers masked: the clear values are gone from the drawer and the list
    await vi.waitFor(() => expect(drawer().textContent).not.toContain('13900000001'))
    expect(drawer().textContent).not.toContain('已记录查看')
    expect(document.querySelector('.el-table__body tr').textContent).toContain('护士长')
  })

  it('exports with the current filters', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const calls = fakeBackend((call) => {
      if (call.url === '/medical-workers/export') return { data: new Blob(['PK']) }
      // the tree and the pickers are plain lists; only the worker list pages
      if (call.url === '/orgs/tree' || call.url.endsWith('/options')) return { data: [] }
      return { data: page([]) }
    })
    await mountPage(MedicalWorkersView, '/medical-workers', ['ORG_ADMIN'])

    await wrapper.find('input[placeholder="本人或家属电话（完整）"]').setValue('139 0000 0001')
    await wrapper.find('form').trigger('submit')
    await settle()
    button('导出').click()
    await settle()

    expect(calls.filter((c) => c.url === '/medical-workers').at(-1).params).toEqual({ phone: '13900000001', page: 1, size: 20 })
    expect(calls.find((c) => c.url === '/medical-workers/export').params).toEqual({ phone: '13900000001' })
  })
})

// --- teams
const TEAM = {
  id: 1,
  name: '广东省第一批援鄂医疗队',
  destination: '湖北武汉',
  aidingHubei: true,
  batch: 1,
  batchLabel: '第一批',
  departureDate: '2020-01-24',
  status: 'DEPLOYED',
  statusLabel: '在岗',
  orgId: 1,
  orgName: '共青团广东省委员会',
  hospitals: [{ id: 1, name: '中山大学附属第一医院' }],
  contacts: [{ id: 1, role: 'LEAD', roleLabel: '领队', name: '陈建国', phone: '138****1001' }],
  version: 5,
}
const CLEAR_TEAM = { ...TEAM, contacts: [{ ...TEAM.contacts[0], phone: '13800001001' }] }

function teamsBackend() {
  return fakeBackend((call) => {
    if (call.url === '/medical-teams') return { data: page([TEAM]) }
    if (call.url === '/medical-teams/1/reveal') return { data: CLEAR_TEAM }
    if (call.url === '/medical-teams/1' && call.method === 'PUT') return { data: { ...TEAM, version: 6 } }
    if (call.url === '/hospitals/options') return { data: [] }
    if (call.url === '/orgs/tree') return { data: [] }
    return { status: 404 }
  })
}

describe('医疗队 page', () => {
  it('lets a dispatcher see the contact phones after giving a reason, but not edit', async () => {
    const calls = teamsBackend()
    await mountPage(MedicalTeamsView, '/medical-teams', ['DISPATCHER'])
    expect(buttonTexts()).not.toContain('登记医疗队')
    expect(buttonTexts()).not.toContain('编辑')
    expect(document.querySelector('.el-table__body').textContent).toContain('138****1001')

    button('查看联系电话').click()
    await settle()
    const reveal = dialogTitled('查看联系电话')
    await type(reveal.querySelector('textarea'), '联系领队')
    button('确认查看', reveal).click()

    await vi.waitFor(() => expect(document.querySelector('.el-table__body').textContent).toContain('13800001001'))
    expect(document.querySelector('.el-table__body').textContent).toContain('已记录查看')
    expect(calls.find((c) => c.url === '/medical-teams/1/reveal').data).toEqual({ reason: '联系领队' })
  })

  it('reveals before an admin edits a team with contacts, and saves the contacts in clear', async () => {
    const calls = teamsBackend()
    await mountPage(MedicalTeamsView, '/medical-teams', ['ORG_ADMIN'])

    button('编辑').click()
    await settle()
    const reveal = dialogTitled('编辑前查看联系电话')
    expect(reveal.textContent).toContain('编辑前需先查看原文')
    await type(reveal.querySelector('textarea'), '更新医疗队信息')
    button('确认查看', reveal).click()

    await vi.waitFor(() => expect(dialogTitled('编辑医疗队')).toBeTruthy())
    const form = dialogTitled('编辑医疗队')
    expect([...form.querySelectorAll('.contacts-table input')].map((i) => i.value)).toContain('13800001001')
    button('保存', form).click()

    await vi.waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true))
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
      url: '/medical-teams/1',
      data: {
        name: '广东省第一批援鄂医疗队',
        destination: '湖北武汉',
        aidingHubei: true,
        batch: 1,
        departureDate: '2020-01-24',
        returnDate: null,
        status: 'DEPLOYED',
        orgId: 1,
        hospitalIds: [1],
        contacts: [{ role: 'LEAD', name: '陈建国', phone: '13800001001' }],
        version: 5,
      },
    })
    await vi.waitFor(() => expect(document.querySelector('.el-table__body').textContent).toContain('138****1001'))
  })
})

describe('医院 page', () => {
  it('marks designated hospitals and offers no changes to a viewer', async () => {
    fakeBackend((call) =>
      call.url === '/hospitals'
        ? { data: page([{ id: 3, name: '广州市第八人民医院', city: '广州市', district: '白云区', level: 'CITY_RUN', levelLabel: '市属', designated: true, orgId: 2, orgName: '共青团广州市委员会', version: 0 }]) }
        : { data: [] },
    )
    await mountPage(HospitalsView, '/hospitals', ['VIEWER'])
    const row = document.querySelector('.el-table__body tr').textContent
    expect(row).toContain('定点')
    expect(row).toContain('市属')
    expect(buttonTexts()).not.toContain('登记医院')
    expect(buttonTexts()).not.toContain('编辑')
  })
})

describe('个人信息查看记录 page', () => {
  it('names what was seen, by whom and why, and filters by a clicked person', async () => {
    const calls = fakeBackend(() => ({
      data: page([
        { id: 2, orgId: 3, staffId: 7, staffName: '广州市团委派单员', subjectType: 'MEDICAL_WORKER', subjectId: 1, fields: 'OWN_PHONE,FAMILY_MEMBERS', reason: '电话回访家属', clientIp: '127.0.0.1', traceId: 't2', createdAt: '2026-11-25T20:59:06.43' },
        { id: 1, orgId: 1, staffId: 1, staffName: '省团委管理员', subjectType: 'MEDICAL_TEAM', subjectId: 1, fields: 'CONTACT_PHONES', reason: '联系领队', clientIp: '127.0.0.1', traceId: 't1', createdAt: '2026-11-25T20:00:00' },
      ]),
    }))
    await mountPage(PersonalDataAccessView, '/personal-data-access', ['ORG_ADMIN'])

    const rows = texts('.el-table__body tr')
    expect(rows[0]).toContain('2026-11-25 20:59:06')
    expect(rows[0]).toContain('医护人员 #1')
    expect(rows[0]).toContain('本人电话')
    expect(rows[0]).toContain('家庭成员')
    expect(rows[0]).toContain('电话回访家属')
    expect(rows[1]).toContain('医疗队 #1')
    expect(rows[1]).toContain('领队、联络员电话')

    ;[...document.querySelectorAll('.el-table__body .el-link')].find((a) => a.textContent.includes('医护人员 #1')).click()
    await settle()
    expect(calls.at(-1).params).toEqual({ subjectType: 'MEDICAL_WORKER', subjectId: 1, page: 1, size: 20 })
  })
})
