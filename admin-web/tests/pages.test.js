import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import { bindSession } from '@/api/request'
import { useSessionStore } from '@/stores/session'
import StaffView from '@/views/staff/StaffView.vue'
import ChangePasswordView from '@/views/password/ChangePasswordView.vue'
import AuditLogsView from '@/views/audit/AuditLogsView.vue'
import { apiError, fakeBackend, makeRouter, settle, staffView } from './helpers'

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

async function mountPage(component, path) {
  await router.push(path)
  wrapper = mount(component, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await settle()
  return wrapper
}

const ORG_TREE = [{ id: 1, name: '共青团广东省委员会', type: 'PROVINCE_LEAGUE', typeLabel: '省级团委', children: [] }]
const STAFF_PAGE = {
  items: [
    staffView({ id: 1, username: 'admin', displayName: '省团委超级管理员', roles: ['SUPER_ADMIN'] }),
    staffView({ id: 2, username: 'gd-orgadmin', displayName: '组织管理员甲', roles: ['ORG_ADMIN'], roleLabels: ['组织管理员'] }),
    staffView({
      id: 3,
      username: 'gd-viewer',
      displayName: '查看员乙',
      roles: ['VIEWER'],
      roleLabels: ['查看员'],
      locked: true,
      mustChangePassword: true,
      lastLoginAt: null,
    }),
  ],
  total: 3,
  page: 1,
  size: 20,
}

function staffBackend() {
  return fakeBackend((call) => {
    if (call.url === '/orgs/tree') return { data: ORG_TREE }
    if (call.url === '/staff/roles') return { data: [] }
    return { data: STAFF_PAGE }
  })
}

const rowOf = (username) => [...document.querySelectorAll('.el-table__body tr')].find((tr) => tr.textContent.includes(username))

describe('工作人员 page', () => {
  it('shows status tags and no management for a viewer', async () => {
    session.staff = staffView({ id: 9, roles: ['VIEWER'] })
    staffBackend()
    await mountPage(StaffView, '/staff')

    const viewerRow = rowOf('gd-viewer')
    expect(viewerRow.textContent).toContain('已锁定')
    expect(viewerRow.textContent).toContain('待改密')
    expect(viewerRow.textContent).toContain('从未登录')
    expect(rowOf('gd-orgadmin').textContent).not.toContain('已锁定')
    expect(wrapper.text()).not.toContain('新建账号')
    expect(document.body.textContent).not.toContain('重置密码')
  })

  it("lets an org admin manage ordinary accounts but not a super admin's, nor disable themselves", async () => {
    session.staff = staffView({ id: 2, roles: ['ORG_ADMIN'] })
    staffBackend()
    await mountPage(StaffView, '/staff')

    expect(wrapper.text()).toContain('新建账号')
    // the fixed action column is rendered in its own table body: read the action cells by row index
    const actionCells = [...document.querySelectorAll('.el-table__body tr td:last-child')].slice(0, 3).map((td) => td.textContent)
    expect(actionCells[0]).toContain('仅超级管理员可管理')
    expect(actionCells[1]).toContain('编辑')
    expect(actionCells[1]).not.toContain('停用')
    expect(actionCells[1]).not.toContain('重置密码')
    expect(actionCells[2]).toContain('停用')
    expect(actionCells[2]).toContain('重置密码')
  })

  it('sends the chosen filters and starts again at page 1', async () => {
    session.staff = staffView()
    const calls = staffBackend()
    await mountPage(StaffView, '/staff')
    expect(calls.find((c) => c.url === '/staff').params).toEqual({ page: 1, size: 20 })

    await wrapper.find('input[placeholder="用户名或姓名"]').setValue(' 乙 ')
    await wrapper.find('form').trigger('submit')
    await settle()

    const last = calls.filter((c) => c.url === '/staff').at(-1)
    expect(last.params).toEqual({ keyword: '乙', page: 1, size: 20 })
  })

  it('shows the load error with a retry instead of an empty table', async () => {
    session.staff = staffView()
    let fail = true
    fakeBackend((call) => {
      if (call.url === '/staff') return fail ? apiError(500, 'INTERNAL_ERROR', '服务器开小差了，请稍后重试') : { data: STAFF_PAGE }
      return { data: call.url === '/orgs/tree' ? ORG_TREE : [] }
    })
    await mountPage(StaffView, '/staff')

    expect(wrapper.find('.el-table__empty-block').text()).toContain('服务器开小差了，请稍后重试')
    fail = false
    const retry = wrapper.findAll('button').find((b) => b.text() === '重新加载')
    await retry.trigger('click')
    await settle()
    expect(rowOf('gd-viewer')).toBeTruthy()
  })
})

describe('修改密码 page', () => {
  it('explains a forced change, shows a wrong current password on its field, then lets the member in', async () => {
    session.staff = staffView({ mustChangePassword: true })
    const calls = fakeBackend((call) => {
      if (call.url === '/auth/password') {
        return call.data.currentPassword === 'initial-pass-1'
          ? { status: 204 }
          : apiError(400, 'CURRENT_PASSWORD_WRONG', '当前密码不正确', [{ field: 'currentPassword', message: '当前密码不正确' }])
      }
      if (call.url === '/auth/me') return { data: staffView({ mustChangePassword: false }) }
      return { status: 404 }
    })
    await mountPage(ChangePasswordView, '/password')
    expect(wrapper.text()).toContain('请先设置新密码再继续使用')
    expect(wrapper.text()).not.toContain('返回')

    const inputs = wrapper.findAll('input')
    await inputs[0].setValue('wrong-password')
    await inputs[1].setValue('brand-new-pass-1')
    await inputs[2].setValue('brand-new-pass-1')
    await wrapper.find('form').trigger('submit')
    await settle()
    await vi.waitFor(() => expect(wrapper.find('.el-form-item__error').text()).toBe('当前密码不正确'))
    expect(router.currentRoute.value.name).toBe('change-password')

    await inputs[0].setValue('initial-pass-1')
    await wrapper.find('form').trigger('submit')
    await settle()

    expect(calls.filter((c) => c.url === '/auth/password').at(-1).data).toEqual({
      currentPassword: 'initial-pass-1',
      newPassword: 'brand-new-pass-1',
    })
    expect(session.mustChangePassword).toBe(false)
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('dashboard'))
  })

  it('checks length and confirmation before calling the API', async () => {
    session.staff = staffView()
    const calls = fakeBackend(() => ({ status: 204 }))
    await mountPage(ChangePasswordView, '/password')

    const inputs = wrapper.findAll('input')
    await inputs[0].setValue('current-pass-1')
    await inputs[1].setValue('short')
    await inputs[2].setValue('different')
    await wrapper.find('form').trigger('submit')
    await settle()

    expect(calls).toHaveLength(0)
    await vi.waitFor(() => {
      expect(wrapper.text()).toContain('新密码为 10–64 个字符')
      expect(wrapper.text()).toContain('两次输入的新密码不一致')
    })
  })
})

describe('操作日志 page', () => {
  it('labels known actions in Chinese and shows unknown codes as they are', async () => {
    session.staff = staffView()
    const calls = fakeBackend((call) => call.url === '/audit-logs/labels' ? {
      data: { actions: [{ value: 'STAFF_DISABLED', label: '停用账号' }], targets: [{ value: 'STAFF', label: '账号' }] },
    } : ({
      data: {
        items: [
          { id: 2, actorStaffId: 1, actorName: '省团委超级管理员', action: 'STAFF_DISABLED', actionLabel: '停用账号', targetType: 'STAFF', targetTypeLabel: '账号', targetId: 5, detail: null, clientIp: '10.0.0.1', traceId: 't2', createdAt: '2026-11-25T10:00:00' },
          { id: 1, actorStaffId: null, actorName: '系统', action: 'SOMETHING_NEW', targetType: 'ORG', targetId: 1, detail: '{"name":"共青团广东省委员会","root":true}', clientIp: null, traceId: 't1', createdAt: '2026-11-25T09:00:00' },
        ],
        total: 2,
        page: 1,
        size: 20,
      },
    }))
    await mountPage(AuditLogsView, '/audit-logs')

    const rows = [...document.querySelectorAll('.el-table__body tr')].map((tr) => tr.textContent)
    expect(rows[0]).toContain('停用账号')
    expect(rows[0]).toContain('账号 #5')
    expect(rows[0]).toContain('2026-11-25 10:00:00')
    expect(rows[1]).toContain('SOMETHING_NEW')
    expect(rows[1]).toContain('名称：共青团广东省委员会')
    expect(rows[1]).toContain('根组织：是')

    // by date
    wrapper.findComponent({ name: 'ElDatePicker' }).vm.$emit('update:modelValue', ['2026-11-01', '2026-11-25'])
    await settle()
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(calls.filter((c) => c.url === '/audit-logs').at(-1).params).toMatchObject({ from: '2026-11-01', to: '2026-11-25' })
  })
})
