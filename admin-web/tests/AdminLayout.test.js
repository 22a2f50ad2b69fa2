import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import { bindSession } from '@/api/request'
import { TOKEN_KEY, useSessionStore } from '@/stores/session'
import AdminLayout from '@/layout/AdminLayout.vue'
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
  localStorage.setItem(TOKEN_KEY, 'tok')
})

afterEach(() => {
  wrapper?.unmount()
  ElMessage.closeAll()
  document.body.innerHTML = ''
})

async function mountAs(staff, path = '/dashboard') {
  session.staff = staff
  fakeBackend(() => ({ status: 204 }))
  await router.push(path)
  wrapper = mount(AdminLayout, {
    global: { plugins: [pinia, router, ElementPlus], stubs: { RouterView: true } },
    attachTo: document.body,
  })
  await settle()
}

const menuTitles = () => wrapper.findAll('.el-menu-item').map((m) => m.text())

describe('AdminLayout', () => {
  it('shows the member, their org and the menu of their roles', async () => {
    await mountAs(staffView({ displayName: '王查看', orgName: '共青团广州市委员会', roles: ['VIEWER'] }))

    expect(menuTitles()).toEqual([
      '工作台', '求助工单', '转办申请', '回访', '工作台账', '值班心理专家', '志愿者', '服务时长核实', '手拉手结对', '先进典型', '组织机构', '工作人员',
      '医院', '医疗队', '医护人员', '统计表',
    ])
    expect(wrapper.findAll('.el-sub-menu__title').map((t) => t.text())).toEqual(['求助办理', '志愿服务', '登记管理'])
    expect(wrapper.find('.user-name').text()).toBe('王查看')
    expect(wrapper.find('.user-org').text()).toBe('共青团广州市委员会')
    expect(wrapper.text()).toContain('修改密码')
    expect(wrapper.text()).toContain('绑定微信')
  })

  it('shows the access and audit logs to an org admin, and marks the open registry page', async () => {
    await mountAs(staffView({ roles: ['ORG_ADMIN'] }), '/medical-workers')
    expect(menuTitles()).toEqual([
      '工作台', '求助工单', '热线受理', '转办申请', '回访', '工作台账', '值班心理专家', '志愿者', '服务时长核实', '手拉手结对', '防护培训题库',
      '先进典型', '组织机构', '工作人员', '医院', '医疗队', '医护人员', '统计表', '个人信息查看记录', '操作日志', '消息记录（演示）',
    ])
    expect(wrapper.find('.el-menu-item.is-active').text()).toBe('医护人员')
  })

  it('hides the menu and the alerts while the password must change, leaving only 退出登录', async () => {
    await mountAs(staffView({ mustChangePassword: true }), '/password')

    expect(wrapper.find('.el-menu').exists()).toBe(false)
    expect(wrapper.find('.alert-bell').exists()).toBe(false)
    const buttons = wrapper.findAll('.layout-header button').map((b) => b.text())
    expect(buttons).toEqual(['退出登录'])
  })

  it('shows the alert bell with the unread count to every role', async () => {
    session.staff = staffView({ roles: ['VIEWER'] })
    const calls = fakeBackend((call) =>
      call.url === '/alerts'
        ? { data: [{ id: 1, orgId: 3, kind: 'CRISIS', ticketId: 2, title: '心理危机求助 #2（广州市天河区）：请立即联系家属', createdAt: '2026-11-25T23:07:33' }] }
        : { status: 204 },
    )
    await router.push('/dashboard')
    wrapper = mount(AdminLayout, {
      global: { plugins: [pinia, router, ElementPlus], stubs: { RouterView: true } },
      attachTo: document.body,
    })
    await settle()

    expect(calls.filter((c) => c.url === '/alerts')).toHaveLength(1)
    expect(wrapper.find('.layout-header .el-badge__content').text()).toBe('1')
  })

  it('signs out: calls the API, forgets the token and goes to login', async () => {
    await mountAs(staffView())
    const calls = fakeBackend(() => ({ status: 204 }))

    const logout = wrapper.findAll('.layout-header button').find((b) => b.text() === '退出登录')
    await logout.trigger('click')
    await settle()

    expect(calls[0]).toMatchObject({ method: 'POST', url: '/auth/logout' })
    expect(calls[0].headers.Authorization).toBe('Bearer tok')
    expect(session.token).toBeNull()
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull()
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'))
  })
})

describe('AdminLayout at phone width', () => {
  let original
  beforeEach(() => {
    original = window.matchMedia
    // a phone: both the tablet and the phone queries match
    window.matchMedia = (query) => ({ matches: true, media: query, addEventListener() {}, removeEventListener() {} })
  })
  afterEach(() => {
    window.matchMedia = original
  })

  it('puts the menu in a drawer and the account actions in a drop-down, so the header fits', async () => {
    await mountAs(staffView({ displayName: '王派单', orgName: '共青团广州市天河区委员会', roles: ['DISPATCHER'] }))

    expect(wrapper.find('.layout-aside').exists()).toBe(false)
    const headerButtons = wrapper.findAll('.layout-header button').map((b) => b.attributes('aria-label') || b.text())
    expect(headerButtons).toEqual(['打开菜单', '提醒', '账号'])
    expect(wrapper.find('.layout-header').text()).not.toContain('退出登录')

    await wrapper.find('button[aria-label="打开菜单"]').trigger('click')
    await settle()
    const drawerItems = [...document.querySelectorAll('.layout-drawer .el-menu-item')].map((m) => m.textContent.trim())
    expect(drawerItems).toContain('求助工单')

    await wrapper.find('button[aria-label="账号"]').trigger('click')
    await settle()
    const items = [...document.querySelectorAll('.el-dropdown-menu__item')].map((i) => i.textContent.trim())
    expect(items).toEqual(['王派单 · 共青团广州市天河区委员会', '绑定微信', '修改密码', '退出登录'])
  })
})
