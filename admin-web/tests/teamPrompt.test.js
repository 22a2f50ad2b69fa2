import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import { bindSession } from '@/api/request'
import { useSessionStore } from '@/stores/session'
import TeamPromptDrawer from '@/views/teams/TeamPromptDrawer.vue'
import { apiError, fakeBackend, makeRouter, settle, staffView, toastTexts } from './helpers'

let pinia
let session
let wrapper

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  session = useSessionStore()
  bindSession({ session, router: makeRouter() })
  session.token = 'tok'
})

afterEach(() => {
  wrapper?.unmount()
  ElMessage.closeAll()
  document.body.innerHTML = ''
})

const TEAM = { id: 4, name: '广东省第一批援鄂医疗队' }

async function mountAs(roles) {
  session.staff = staffView({ roles })
  wrapper = mount(TeamPromptDrawer, { props: { modelValue: true, team: TEAM }, global: { plugins: [pinia, ElementPlus] }, attachTo: document.body })
  await settle()
}

const drawer = () => document.querySelector('.team-prompt-drawer')
function button(text, root = drawer()) {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === text)
  if (!found) throw new Error(`no button ${text}`)
  return found
}
function formItem(label) {
  return [...drawer().querySelectorAll('.el-form-item')].find((el) => el.querySelector('.el-form-item__label')?.textContent.trim() === label)
}
async function type(input, value) {
  input.value = value
  input.dispatchEvent(new Event('input'))
  await settle()
}
async function openTab(label) {
  ;[...drawer().querySelectorAll('.el-tabs__item')].find((t) => t.textContent.trim() === label).click()
  await settle()
}

const PROMPTS = [
  {
    id: 9,
    date: '2026-11-25',
    reported: false,
    remindedAt: '2026-11-25T18:30:00',
    deliveries: [
      { recipient: 'oAbc12…', channel: 'TEMPLATE', status: 'SENT', attempts: 1, lastError: null, sentAt: '2026-11-25T09:00:02', nextAttemptAt: null },
      { recipient: 'group', channel: 'WECOM_ROBOT', status: 'GAVE_UP', attempts: 5, lastError: '群机器人地址无效', sentAt: null, nextAttemptAt: null },
    ],
  },
]
const REPORTS = [
  {
    id: 3,
    date: '2026-11-24',
    source: 'WECHAT_TEXT',
    text: 'N95 口罩 200 个，防护服 50 套',
    corrections: 1,
    items: [
      { id: 1, kind: 'SUPPLY', name: 'N95 口罩', quantity: 200, unit: '个', deliveredQuantity: 220, overDelivered: 20, status: 'OVER_DELIVERED', statusLabel: '超量送达' },
      { id: 2, kind: 'SUPPLY', name: '防护服', quantity: 50, unit: '套', deliveredQuantity: 20, overDelivered: 0, status: 'IN_PROGRESS', statusLabel: '部分送达' },
      { id: 5, kind: 'OTHER', name: '需要心理疏导', deliveredQuantity: 0, overDelivered: 0, status: 'OPEN', statusLabel: '待办' },
    ],
  },
]

function backend(overrides = {}) {
  return fakeBackend((call) => {
    const handled = overrides[`${call.method} ${call.url}`]?.(call)
    if (handled) return handled
    if (call.url === '/medical-teams/4/prompt-schedule' && call.method === 'GET') return { data: { promptTime: '09:00:00', enabled: true, wecomConfigured: true } }
    if (call.url === '/medical-teams/4/prompt-schedule') return { data: { promptTime: call.data.promptTime, enabled: call.data.enabled, wecomConfigured: call.data.wecomWebhook !== '' } }
    if (call.url === '/medical-teams/4/prompts') return { data: PROMPTS }
    if (call.url === '/medical-teams/4/reports') return { data: structuredClone(REPORTS) }
    if (call.url === '/medical-teams/4/bindings') {
      return {
        data: [
          { id: 1, follower: 'oAbc12…', source: 'INVITE_CODE', boundAt: '2026-11-20T08:00:00' },
          { id: 2, follower: 'oXyz98…', contactName: '王领队', contactRole: 'LEAD', contactRoleLabel: '领队', source: 'QR_CODE', boundAt: '2026-11-21T08:00:00' },
        ],
      }
    }
    if (call.url === '/medical-teams/4/reports/items/5/close') return { data: { ...REPORTS[0].items[2], status: 'CLOSED', statusLabel: '已办结', closeNote: call.data.note } }
    if (call.url === '/medical-teams/4/wechat-users' && call.method === 'GET') return { data: [{ userId: 31, role: 'TEAM_CONTACT', phone: '139****0002', source: 'TEAM_INVITE', boundAt: '2026-11-21T09:00:00' }] }
    if (call.method === 'DELETE') return { status: 204 }
    if (call.url === '/medical-teams/4/invite-code') return { data: { teamId: 4, inviteCode: 'K7P2QX', qrScene: 'team:K7P2QX', qrCodeUrl: null } }
    if (call.url === '/medical-teams/4/reports/items/2/deliveries') return { data: { ...REPORTS[0].items[1], deliveredQuantity: 20 + call.data.quantity } }
    return { status: 404 }
  })
}

describe('a team’s daily prompt', () => {
  it('shows the schedule and whether a WeCom robot is set, and keeps it when the field stays empty', async () => {
    const calls = backend()
    await mountAs(['DISPATCHER'])
    expect(drawer().textContent).toContain('每日需求提示 · 广东省第一批援鄂医疗队')
    expect(formItem('提示时间').querySelector('input').value).toBe('09:00')
    expect(formItem('企业微信群').textContent).toContain('已配置群机器人')

    button('保存').click()
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true))
    expect(calls.find((c) => c.method === 'PUT').data).toEqual({ promptTime: '09:00:00', enabled: true, wecomWebhook: null })
    await vi.waitFor(() => expect(toastTexts()).toContain('已保存'))

    button('移除群机器人').click()
    await vi.waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2))
    expect(calls.filter((c) => c.method === 'PUT')[1].data.wecomWebhook).toBe('')
    await vi.waitFor(() => expect(formItem('企业微信群').textContent).toContain('未配置'))
  })

  it('shows the API message on the webhook field', async () => {
    const message = '请粘贴企业微信群机器人的 Webhook 地址（https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…）'
    const calls = backend({
      'PUT /medical-teams/4/prompt-schedule': () => apiError(400, 'VALIDATION_FAILED', '请检查填写的内容', [{ field: 'wecomWebhook', message }]),
    })
    await mountAs(['ORG_ADMIN'])
    await type(formItem('企业微信群').querySelector('input'), 'not-a-url')
    button('保存').click()
    await vi.waitFor(() => expect(formItem('企业微信群').querySelector('.el-form-item__error')?.textContent.trim()).toBe(message))
    expect(calls.find((c) => c.method === 'PUT').data.wecomWebhook).toBe('not-a-url')
  })

  it('lets a viewer read the schedule without changing it', async () => {
    backend()
    await mountAs(['VIEWER'])
    expect(formItem('企业微信群').querySelector('input')).toBeNull()
    expect([...drawer().querySelectorAll('button')].map((b) => b.textContent.trim())).not.toContain('保存')
  })

  it('lists each day’s deliveries per recipient and the reports with delivered quantities', async () => {
    backend()
    await mountAs(['VIEWER'])
    await openTab('送达情况')
    const row = drawer().querySelector('.prompts-table .el-table__body-wrapper tr').textContent
    expect(row).toContain('2026-11-25')
    expect(row).toContain('1 / 2 人')
    expect(row).toContain('1 人失败')
    expect(row).toContain('未报告')
    expect(row).toContain('11-25 18:30')
    drawer().querySelector('.prompts-table .el-table__expand-icon').click()
    await settle()
    const deliveries = drawer().querySelector('.deliveries-table').textContent
    expect(deliveries).toContain('公众号消息')
    expect(deliveries).toContain('已送达')
    expect(deliveries).toContain('企业微信群')
    expect(deliveries).toContain('发送失败')
    expect(deliveries).toContain('群机器人地址无效')

    await openTab('需求报告')
    const report = drawer().querySelector('.report-card').textContent
    expect(report).toContain('2026-11-24')
    expect(report).toContain('公众号留言')
    expect(report).toContain('防护服')
    expect(report).toContain('50套')
    expect(report).toContain('20套')
    // one line per item, the correction said once, over-delivery shown
    expect(drawer().querySelectorAll('.report-items .el-table__body-wrapper tr')).toHaveLength(3)
    expect(report).toContain('当天更正 1 次，以此为准')
    expect(report).toContain('超出 20个')
    expect(report).toContain('超量送达')
    expect(report).toContain('部分送达')
  })

  it('lets staff close a need in words, with a note', async () => {
    const calls = backend()
    await mountAs(['DISPATCHER'])
    await openTab('需求报告')
    const rows = [...drawer().querySelectorAll('.report-items .el-table__body-wrapper tr')]
    expect([...rows[2].querySelectorAll('button')].map((b) => b.textContent.trim())).toEqual(['办结'])
    button('办结', rows[2]).click()
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull())
    const box = document.querySelector('.el-message-box')
    expect(box.textContent).toContain('「需要心理疏导」已经落实？')
    await type(box.querySelector('input'), '已安排心理专家')
    button('办结', box).click()
    await vi.waitFor(() => expect(calls.find((c) => c.url === '/medical-teams/4/reports/items/5/close')?.data).toEqual({ note: '已安排心理专家' }))
    await vi.waitFor(() => expect(rows[2].textContent).toContain('已办结'))
    expect([...rows[2].querySelectorAll('button')]).toHaveLength(0)
  })

  it('warns before a delivery goes over what was asked for', async () => {
    backend()
    await mountAs(['DISPATCHER'])
    await openTab('需求报告')
    const rows = [...drawer().querySelectorAll('.report-items .el-table__body-wrapper tr')]
    button('登记送达', rows[1]).click()
    await settle()
    const dialog = document.querySelector('.delivery-dialog')
    expect(dialog.textContent).not.toContain('将超出')
    await type(dialog.querySelector('.el-input-number input'), '40')
    await vi.waitFor(() => expect(dialog.textContent).toContain('这次登记后将超出 10套'))
  })

  it('shows load errors in place', async () => {
    backend({
      'GET /medical-teams/4/prompts': () => apiError(403, 'FORBIDDEN', '没有权限查看该医疗队'),
      'GET /medical-teams/4/reports': () => ({ data: [] }),
    })
    await mountAs(['VIEWER'])
    await openTab('送达情况')
    expect(drawer().querySelector('.prompts-table').textContent).toContain('没有权限查看该医疗队')
    await openTab('需求报告')
    expect(drawer().textContent).toContain('还没有需求报告')
  })

  it('lists who receives the prompt and lets an admin issue a new invite code', async () => {
    const calls = backend()
    await mountAs(['ORG_ADMIN'])
    await openTab('接收人')
    const [unnamed, named] = [...drawer().querySelectorAll('.bindings-table .el-table__body-wrapper tr')].map((r) => r.textContent)
    expect(unnamed).toContain('未说明身份')
    expect(unnamed).toContain('oAbc12…')
    expect(unnamed).toContain('邀请码绑定')
    expect(unnamed).toContain('2026-11-20 08:00')
    expect(named).toContain('王领队（领队）')
    expect(named).not.toContain('oXyz98')
    expect(drawer().textContent).toContain('我是 姓名')
    button('生成邀请码').click()
    await vi.waitFor(() => expect(drawer().querySelector('.invite-code')?.textContent).toBe('K7P2QX'))
    expect(calls.find((c) => c.url === '/medical-teams/4/invite-code').method).toBe('POST')
    expect(drawer().textContent).toContain('绑定 K7P2QX')
  })

  it('lets an admin unbind a follower and a mini-program contact after confirming', async () => {
    const calls = backend()
    await mountAs(['ORG_ADMIN'])
    await openTab('接收人')
    const boxes = () => [...document.querySelectorAll('.el-message-box')]
    // presses 解除绑定 in a row, then in the confirm dialog that opens for it (a closed one may linger in the DOM)
    const unbindIn = async (table) => {
      const before = boxes().length
      button('解除绑定', drawer().querySelector(table)).click()
      await vi.waitFor(() => expect(boxes().length).toBeGreaterThan(before))
      button('解除绑定', boxes().at(-1)).click()
    }
    await unbindIn('.bindings-table')
    await vi.waitFor(() => expect(calls.find((c) => c.method === 'DELETE')).toMatchObject({ url: '/medical-teams/4/bindings/1' }))

    await vi.waitFor(() => expect(drawer().querySelector('.contacts-table')?.textContent).toContain('139****0002'))
    await unbindIn('.contacts-table')
    await vi.waitFor(() => expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toContain('/medical-teams/4/wechat-users/31'))
  })

  it('hides the invite code from a dispatcher, who records supplies delivered against an item', async () => {
    const calls = backend()
    await mountAs(['DISPATCHER'])
    await openTab('接收人')
    expect([...drawer().querySelectorAll('button')].map((b) => b.textContent.trim())).not.toContain('生成邀请码')
    expect([...drawer().querySelectorAll('button')].map((b) => b.textContent.trim())).not.toContain('解除绑定')
    await openTab('需求报告')
    const rows = [...drawer().querySelectorAll('.report-items .el-table__body-wrapper tr')]
    button('登记送达', rows[1]).click()
    await settle()
    const dialog = document.querySelector('.delivery-dialog')
    // the quantity still missing is proposed
    expect(dialog.querySelector('.el-input-number input').value).toBe('30')
    button('确定', dialog).click()
    await vi.waitFor(() => expect(dialog.textContent).toContain('请填写由谁送达'))
    await type(dialog.querySelector('input[placeholder="如：省青少年发展基金会"]'), '省青少年发展基金会')
    button('确定', dialog).click()
    await vi.waitFor(() => expect(calls.find((c) => c.url === '/medical-teams/4/reports/items/2/deliveries')?.data).toEqual({ quantity: 30, deliveredBy: '省青少年发展基金会' }))
    await vi.waitFor(() => expect(rows[1].textContent).toContain('50套'))
    expect(toastTexts()).toContain('已登记送达')
  })
})
