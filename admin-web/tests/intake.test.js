import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import { bindSession } from '@/api/request'
import { useSessionStore } from '@/stores/session'
import IntakeView from '@/views/intake/IntakeView.vue'
import { apiError, fakeBackend, makeRouter, settle, staffView, toastTexts } from './helpers'

let pinia
let session
let router
let wrapper

beforeEach(async () => {
  pinia = createPinia()
  setActivePinia(pinia)
  session = useSessionStore()
  router = makeRouter()
  bindSession({ session, router })
  session.token = 'tok'
  session.staff = staffView({ roles: ['DISPATCHER'] })
  await router.push('/intake')
})

afterEach(() => {
  wrapper?.unmount()
  ElMessage.closeAll()
  document.body.innerHTML = ''
})

async function mountPage() {
  wrapper = mount(IntakeView, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await settle()
}

function button(text, root = document) {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === text)
  if (!found) throw new Error(`no button ${text}`)
  return found
}
function formItem(label) {
  return [...document.querySelectorAll('.el-form-item')].find((el) => el.querySelector('.el-form-item__label')?.textContent.trim() === label)
}
const fieldError = (label) => formItem(label)?.querySelector('.el-form-item__error')?.textContent.trim()
async function type(input, value) {
  input.value = value
  input.dispatchEvent(new Event('input'))
  await settle()
}
async function pick(label, optionText) {
  formItem(label).querySelector('.el-select__wrapper').click()
  await settle()
  const option = [...document.querySelectorAll('.el-select-dropdown__item')].find((o) => o.textContent.trim() === optionText)
  option.click()
  await settle()
}

const MATCHES = [
  { familyId: 11, workerId: 101, workerName: '张丽', familyPhone: '139****0011', district: '广州市天河区', address: '广州市天河区****' },
  { familyId: 12, workerId: 102, workerName: '张丽华', familyPhone: '139****0012', district: '广州市越秀区', address: '广州市越秀区****' },
]

describe('热线受理 page', () => {
  it('finds a family (masked), takes the need and opens the new request with one Idempotency-Key per form', async () => {
    let failOnce = true
    const calls = fakeBackend((call) => {
      if (call.url === '/families/search') return { data: MATCHES }
      if (call.url === '/tickets/intake') {
        if (failOnce) {
          failOnce = false
          return { status: 503, data: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后重试' } }
        }
        return { status: 201, data: { id: 88, status: 'ACCEPTED' } }
      }
      if (call.url === '/tickets') return { data: { items: [], total: 0, page: 1, size: 20 } }
      return { status: 404 }
    })
    await mountPage()

    // the channel starts on the hotline
    expect(document.querySelector('.el-radio-button.is-active').textContent.trim()).toBe('12355 热线')
    await type(formItem('家庭').querySelector('input'), '张丽')
    button('查找家庭').click()
    await settle()
    expect(calls.find((c) => c.url === '/families/search').params).toEqual({ q: '张丽' })
    const rows = [...document.querySelectorAll('.family-results .el-table__body-wrapper tr')]
    expect(rows).toHaveLength(2)
    expect(rows[0].textContent).toContain('139****0011')
    rows[1].click()
    await settle()
    expect(document.querySelector('.picked-family').textContent).toContain('张丽华 的家庭')
    // the address defaults to the family's registered one
    expect(formItem('服务地址').querySelector('input').placeholder).toContain('广州市越秀区****')

    await pick('求助类别', '代购代办')
    await type(formItem('需要什么帮助').querySelector('textarea'), '母亲一人在家，需要代买一周的药')
    await type(formItem('反映人').querySelector('input'), '社区网格员')
    await type(formItem('联系电话').querySelector('input'), '139 0000 0012')

    button('提交受理').click()
    await vi.waitFor(() => expect(toastTexts()).toContain('服务暂时不可用，请稍后重试'))
    button('提交受理').click()
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/tickets?id=88'))

    const posts = calls.filter((c) => c.url === '/tickets/intake')
    expect(posts).toHaveLength(2)
    expect(posts[0].data).toEqual({
      familyId: 12,
      channel: 'HOTLINE_12355',
      category: 'DAILY_LIVING',
      urgency: 'NORMAL',
      description: '母亲一人在家，需要代买一周的药',
      address: null,
      preferredTime: null,
      contactMethod: 'PHONE_CALL',
      contactPhone: '13900000012',
      reportedBy: '社区网格员',
    })
    // the retry of the same form carries the same key
    expect(posts[0].headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/)
    expect(posts[1].headers['Idempotency-Key']).toBe(posts[0].headers['Idempotency-Key'])
    expect(toastTexts()).toContain('已受理，求助编号 #88')
  })

  it('checks the form before sending', async () => {
    const calls = fakeBackend(() => ({ status: 404 }))
    await mountPage()
    button('提交受理').click()
    await vi.waitFor(() => expect(fieldError('家庭')).toBe('请先查找并选择家庭'))
    await vi.waitFor(() => expect(fieldError('求助类别')).toBe('请选择求助类别'))
    await vi.waitFor(() => expect(fieldError('需要什么帮助')).toBe('请记录需要什么帮助'))

    await type(formItem('需要什么帮助').querySelector('textarea'), '买药')
    await type(formItem('联系电话').querySelector('input'), '12345')
    button('提交受理').click()
    await vi.waitFor(() => expect(fieldError('需要什么帮助')).toBe('请用 5 到 500 个字记录需要什么帮助'))
    await vi.waitFor(() => expect(fieldError('联系电话')).toBe('请填写 11 位手机号或带区号的固定电话'))
    expect(calls.some((c) => c.url === '/tickets/intake')).toBe(false)
  })

  it('says when the search finds nothing, and shows a search error in place', async () => {
    let fail = false
    fakeBackend((call) => {
      if (call.url === '/families/search') return fail ? apiError(429, 'RATE_LIMITED', '查找过于频繁，请稍后再试') : { data: [] }
      return { status: 404 }
    })
    await mountPage()
    button('查找家庭').click()
    await settle()
    expect(document.querySelector('.search-error').textContent).toBe('请输入医护人员姓名或电话')

    await type(formItem('家庭').querySelector('input'), '13900009999')
    button('查找家庭').click()
    await settle()
    expect(document.querySelector('.family-results').textContent).toContain('本辖区没有找到这个家庭')

    fail = true
    button('查找家庭').click()
    await settle()
    expect(document.querySelector('.search-error').textContent).toBe('查找过于频繁，请稍后再试')
  })

  it('shows the API field errors on the fields, including the time window', async () => {
    fakeBackend((call) => {
      if (call.url === '/families/search') return { data: MATCHES.slice(0, 1) }
      if (call.url === '/tickets/intake') {
        return apiError(400, 'VALIDATION_FAILED', '请检查填写的内容', [
          { field: 'description', message: '内容含有不允许的字符' },
          { field: 'preferredTime.isOrdered', message: '结束时间须晚于开始时间' },
        ])
      }
      return { status: 404 }
    })
    await mountPage()
    await type(formItem('家庭').querySelector('input'), '13900000011')
    button('查找家庭').click()
    await settle()
    // a single match is picked at once
    expect(document.querySelector('.picked-family').textContent).toContain('张丽 的家庭')
    await pick('求助类别', '送餐')
    await type(formItem('需要什么帮助').querySelector('textarea'), '需要送一周午饭')
    button('提交受理').click()
    await vi.waitFor(() => expect(fieldError('需要什么帮助')).toBe('内容含有不允许的字符'))
    await vi.waitFor(() => expect(fieldError('期望时间')).toBe('结束时间须晚于开始时间'))
    expect(toastTexts()).toContain('请检查填写的内容')
  })
})
