import { AxiosError } from 'axios'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage, ElMessageBox } from 'element-plus'
import { bindSession } from '@/api/request'
import { useSessionStore } from '@/stores/session'
import StoriesView from '@/views/stories/StoriesView.vue'
import { photoProblem } from '@/utils/stories'
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
  URL.createObjectURL = vi.fn(() => 'blob:photo')
  URL.revokeObjectURL = vi.fn()
})

afterEach(() => {
  wrapper?.unmount()
  ElMessage.closeAll()
  document.body.innerHTML = ''
})

async function mountAs(roles) {
  session.staff = staffView({ roles })
  await router.push('/stories')
  wrapper = mount(StoriesView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await settle()
}

const texts = (selector, root = document) => [...root.querySelectorAll(selector)].map((el) => el.textContent.trim())
function button(text, root = document) {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === text)
  if (!found) throw new Error(`no button ${text}`)
  return found
}
const dialog = () => document.querySelector('.story-form-dialog')
function formItem(label) {
  return [...dialog().querySelectorAll('.el-form-item')].find((el) => el.querySelector('.el-form-item__label')?.textContent.trim() === label)
}
const fieldError = (label) => formItem(label)?.querySelector('.el-form-item__error')?.textContent.trim()
async function type(input, value) {
  input.value = value
  input.dispatchEvent(new Event('input'))
  await settle()
}
const bodyRows = () => [...document.querySelectorAll('.stories-table .el-table__body-wrapper tr')]

const DRAFT = {
  id: 1,
  title: '凌晨四点的送菜人',
  subjectKind: 'VOLUNTEER',
  subjectKindLabel: '志愿者',
  subjectName: '李明',
  body: '连续二十天为医护家庭送菜。',
  photoUrls: ['https://oss.example/stories/a.jpg?sig=1'],
  photoKeys: ['stories/a.jpg'],
  status: 'DRAFT',
  statusLabel: '草稿',
  publishedAt: null,
  version: 3,
  createdAt: '2026-11-25T08:00:00',
}
const PUBLISHED = { ...DRAFT, id: 2, title: '天河突击队', subjectKind: 'TEAM', subjectKindLabel: '团队', subjectName: '天河区青年突击队', status: 'PUBLISHED', statusLabel: '已发布', publishedAt: '2026-11-24T10:00:00', photoKeys: [], photoUrls: [] }
const page = (items) => ({ items, total: items.length, page: 1, size: 20 })

describe('先进典型 page', () => {
  it('lists stories, filters by status, and shows an admin the moves each status allows', async () => {
    const calls = fakeBackend((call) => (call.url === '/stories' ? { data: page([DRAFT, PUBLISHED]) } : { status: 404 }))
    await mountAs(['DISPATCHER'])
    expect(calls[0].params).toEqual({ page: 1, size: 20 })
    const rows = bodyRows()
    expect(rows[0].textContent).toContain('凌晨四点的送菜人')
    expect(rows[0].textContent).toContain('志愿者')
    expect(rows[0].textContent).toContain('1 张')
    expect(rows[0].textContent).toContain('草稿')
    expect(texts('button', rows[0]).filter(Boolean)).toEqual(['编辑', '发布'])
    expect(texts('button', rows[1]).filter(Boolean)).toEqual(['撤回'])
    expect(rows[1].textContent).toContain('2026-11-24 10:00')

    document.querySelector('.filter-form .el-select__wrapper').click()
    await settle()
    ;[...document.querySelectorAll('.el-select-dropdown__item')].find((o) => o.textContent.trim() === '已撤回').click()
    await settle()
    expect(calls.at(-1).params).toEqual({ status: 'WITHDRAWN', page: 1, size: 20 })
  })

  it('shows a viewer the stories without any change', async () => {
    fakeBackend((call) => (call.url === '/stories' ? { data: page([DRAFT, PUBLISHED]) } : { status: 404 }))
    await mountAs(['VIEWER'])
    expect(texts('button', document.querySelector('.stories-table')).filter(Boolean)).toEqual([])
    expect(document.body.textContent).not.toContain('新增')
  })

  it('checks a new story, uploads a photo straight to OSS and saves the key', async () => {
    const calls = fakeBackend((call) => {
      if (call.url === '/stories' && call.method === 'GET') return { data: page([]) }
      if (call.url === '/stories/photo-policy') {
        return {
          data: {
            url: 'https://qingnuan.oss-cn-guangzhou.aliyuncs.com',
            key: 'stories/2026/11/p1.jpg',
            formFields: { key: 'stories/2026/11/p1.jpg', policy: 'cG9saWN5', OSSAccessKeyId: 'AK', signature: 'sig', success_action_status: '200', 'Content-Type': 'image/jpeg' },
            expiresAt: '2026-11-25T10:10:00Z',
            maxBytes: 10485760,
          },
        }
      }
      if (call.url === 'https://qingnuan.oss-cn-guangzhou.aliyuncs.com') return { status: 200, data: '' }
      if (call.url === '/stories' && call.method === 'POST') return { status: 201, data: { ...DRAFT, id: 9 } }
      return { status: 404 }
    })
    await mountAs(['SUPER_ADMIN'])
    expect(document.querySelector('.el-table__empty-block').textContent).toContain('还没有先进典型')
    button('新增').click()
    await settle()

    button('保存', dialog()).click()
    await vi.waitFor(() => expect(fieldError('标题')).toBe('请填写标题'))
    await vi.waitFor(() => expect(fieldError('事迹正文')).toBe('请填写事迹正文'))
    await vi.waitFor(() => expect(fieldError('志愿者')).toBe('请填写志愿者或团队的名称'))

    // a wrong file type never leaves the browser
    const input = dialog().querySelector('input[type="file"]')
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'a.gif', { type: 'image/gif' })], configurable: true })
    input.dispatchEvent(new Event('change'))
    await settle()
    await vi.waitFor(() => expect(fieldError('照片')).toBe('a.gif：只能上传 JPG、PNG 或 WebP 图片'))

    const photo = new File(['jpegdata'], '送菜.jpg', { type: 'image/jpeg' })
    Object.defineProperty(input, 'files', { value: [photo], configurable: true })
    input.dispatchEvent(new Event('change'))
    await vi.waitFor(() => expect(dialog().querySelectorAll('.photo')).toHaveLength(1))
    expect(calls.find((c) => c.url === '/stories/photo-policy').data).toEqual({ contentType: 'image/jpeg', size: 8 })
    const upload = calls.find((c) => c.url.startsWith('https://'))
    expect(upload.method).toBe('POST')
    expect(upload.headers.Authorization).toBeUndefined()
    expect([...upload.data.keys()]).toEqual(['key', 'policy', 'OSSAccessKeyId', 'signature', 'success_action_status', 'Content-Type', 'file'])
    expect(upload.data.get('file').name).toBe('送菜.jpg')

    formItem('典型类型').querySelectorAll('.el-radio input')[1].click()
    await settle()
    await type(formItem('标题').querySelector('input'), '天河突击队')
    await type(formItem('团队名称').querySelector('input'), '天河区青年突击队')
    await type(formItem('事迹正文').querySelector('textarea'), '二十名队员轮流值守。')
    button('保存', dialog()).click()
    await vi.waitFor(() => expect(calls.some((c) => c.url === '/stories' && c.method === 'POST')).toBe(true))
    expect(calls.find((c) => c.url === '/stories' && c.method === 'POST').data).toEqual({
      title: '天河突击队',
      subjectKind: 'TEAM',
      subjectName: '天河区青年突击队',
      subjectVolunteerId: null,
      body: '二十名队员轮流值守。',
      photoKeys: ['stories/2026/11/p1.jpg'],
    })
    await vi.waitFor(() => expect(toastTexts()).toContain('已保存为草稿'))
  })

  it('shows why a photo could not be uploaded', async () => {
    fakeBackend((call) => {
      if (call.url === '/stories' && call.method === 'GET') return { data: page([]) }
      if (call.url === '/stories/photo-policy') return apiError(503, 'PHOTO_STORAGE_UNAVAILABLE', '照片存储暂不可用，请稍后再试')
      return { status: 404 }
    })
    await mountAs(['SUPER_ADMIN'])
    button('新增').click()
    await settle()
    const input = dialog().querySelector('input[type="file"]')
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'b.png', { type: 'image/png' })], configurable: true })
    input.dispatchEvent(new Event('change'))
    await vi.waitFor(() => expect(fieldError('照片')).toBe('b.png 上传失败：照片存储暂不可用，请稍后再试'))
  })

  it('writes a volunteer story about a registered volunteer, and flags one without consent', async () => {
    const calls = fakeBackend((call) => {
      if (call.url === '/stories' && call.method === 'GET') {
        return { data: page([{ ...DRAFT, subjectKind: 'VOLUNTEER', subjectVolunteerId: 3, subjectConsented: false }]) }
      }
      if (call.url === '/volunteers') return { data: page([{ id: 3, name: '陈志愿', orgName: '某大学团委' }]) }
      if (call.url === '/stories' && call.method === 'POST') return { status: 201, data: { ...DRAFT, id: 9 } }
      return { status: 404 }
    })
    await mountAs(['DISPATCHER'])
    expect(document.querySelector('.el-table__body').textContent).toContain('本人未同意展示')

    button('新增').click()
    await settle()
    expect(calls.find((c) => c.url === '/volunteers').params).toEqual({ status: 'APPROVED', size: 200 })
    formItem('登记的志愿者').querySelector('.el-select__wrapper').click()
    await settle()
    ;[...document.querySelectorAll('.el-select-dropdown__item')].find((o) => o.textContent.includes('陈志愿')).click()
    await settle()
    expect(formItem('志愿者').querySelector('input').value).toBe('陈志愿') // the name follows the pick
    await type(formItem('标题').querySelector('input'), '四十天的网课')
    await type(formItem('事迹正文').querySelector('textarea'), '每晚八点陪孩子上网课。')
    button('保存', dialog()).click()
    await vi.waitFor(() => expect(calls.some((c) => c.url === '/stories' && c.method === 'POST')).toBe(true))
    expect(calls.find((c) => c.url === '/stories' && c.method === 'POST').data).toMatchObject({
      subjectKind: 'VOLUNTEER', subjectName: '陈志愿', subjectVolunteerId: 3,
    })
  })

  it('says the bucket CORS rule is missing when the browser blocks the upload to OSS', async () => {
    fakeBackend((call, config) => {
      if (call.url === '/stories' && call.method === 'GET') return { data: page([]) }
      if (call.url === '/stories/photo-policy') {
        return { data: { url: 'https://qingnuan.oss-cn-guangzhou.aliyuncs.com', key: 'stories/p.png', formFields: {}, maxBytes: 10485760 } }
      }
      // what a browser reports for a cross-origin POST the bucket's CORS rules do not allow: no response at all
      if (call.url.startsWith('https://')) throw new AxiosError('Network Error', AxiosError.ERR_NETWORK, config)
      return { status: 404 }
    })
    await mountAs(['SUPER_ADMIN'])
    button('新增').click()
    await settle()
    const input = dialog().querySelector('input[type="file"]')
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'c.png', { type: 'image/png' })], configurable: true })
    input.dispatchEvent(new Event('change'))
    await vi.waitFor(() => expect(fieldError('照片')).toContain('c.png 上传失败：照片存储（OSS）没有接受本网站的上传'))
    expect(fieldError('照片')).toContain('跨域设置（CORS）')
    expect(fieldError('照片')).toContain(window.location.origin)
  })

  it('edits a draft with its version and keeps the existing photos unless removed', async () => {
    const calls = fakeBackend((call) => {
      if (call.url === '/stories' && call.method === 'GET') return { data: page([DRAFT]) }
      if (call.url === '/stories/1') return apiError(409, 'VERSION_CONFLICT', '数据已被他人修改，请刷新后重试')
      return { status: 404 }
    })
    await mountAs(['ORG_ADMIN'])
    button('编辑').click()
    await settle()
    expect(formItem('标题').querySelector('input').value).toBe('凌晨四点的送菜人')
    expect(dialog().querySelectorAll('.photo')).toHaveLength(1)
    button('保存', dialog()).click()
    await vi.waitFor(() => expect(calls.some((c) => c.url === '/stories/1')).toBe(true))
    expect(calls.find((c) => c.url === '/stories/1')).toMatchObject({
      method: 'PUT',
      data: { title: '凌晨四点的送菜人', subjectKind: 'VOLUNTEER', subjectName: '李明', body: '连续二十天为医护家庭送菜。', photoKeys: ['stories/a.jpg'], version: 3 },
    })
    await vi.waitFor(() => expect(toastTexts()).toContain('数据已被他人修改，请刷新后重试'))
  })

  it('publishes after confirmation and withdraws a published one', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm')
    const calls = fakeBackend((call) => {
      if (call.url === '/stories' && call.method === 'GET') return { data: page([DRAFT, PUBLISHED]) }
      if (call.url === '/stories/1/publish') return { data: { ...DRAFT, status: 'PUBLISHED' } }
      if (call.url === '/stories/2/withdraw') return { data: { ...PUBLISHED, status: 'WITHDRAWN' } }
      return { status: 404 }
    })
    await mountAs(['SUPER_ADMIN'])
    button('发布').click()
    await vi.waitFor(() => expect(toastTexts()).toContain('已发布'))
    expect(ElMessageBox.confirm.mock.calls[0][0]).toContain('凌晨四点的送菜人')
    button('撤回').click()
    await vi.waitFor(() => expect(toastTexts()).toContain('已撤回'))
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual(['/stories/1/publish', '/stories/2/withdraw'])
  })

  it('knows which files are photos', () => {
    expect(photoProblem({ type: 'image/webp', size: 10 })).toBe('')
    expect(photoProblem({ type: 'image/jpeg', size: 11 * 1024 * 1024 })).toBe('单张图片不能超过 10 MB')
    expect(photoProblem({ type: 'image/png', size: 0 })).toBe('文件是空的')
  })
})
