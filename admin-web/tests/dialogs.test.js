import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import { useSessionStore } from '@/stores/session'
import StaffFormDialog from '@/views/staff/StaffFormDialog.vue'
import OrgFormDialog from '@/views/orgs/OrgFormDialog.vue'
import { apiError, fakeBackend, settle, staffView } from './helpers'

const ROLE_OPTIONS = [
  { value: 'SUPER_ADMIN', label: '超级管理员' },
  { value: 'ORG_ADMIN', label: '组织管理员' },
  { value: 'DISPATCHER', label: '派单员' },
  { value: 'VIEWER', label: '查看员' },
]
const ORG_TREE = [{ id: 10, name: '共青团广东省委员会', type: 'PROVINCE_LEAGUE', typeLabel: '省级团委', children: [] }]

let pinia
let session
let wrapper

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  session = useSessionStore()
  session.token = 'tok'
})

afterEach(() => {
  wrapper?.unmount()
  ElMessage.closeAll()
  document.body.innerHTML = ''
})

async function open(component, props) {
  wrapper = mount(component, {
    props: { modelValue: false, ...props },
    global: { plugins: [pinia, ElementPlus] },
    attachTo: document.body,
  })
  await wrapper.setProps({ modelValue: true })
  await settle()
  return wrapper
}

const dialog = () => document.querySelector('.el-dialog')
const checkboxLabels = () => [...dialog().querySelectorAll('.el-checkbox')].map((el) => el.textContent.trim())
function formItem(label) {
  return [...dialog().querySelectorAll('.el-form-item')].find(
    (el) => el.querySelector('.el-form-item__label')?.textContent.trim() === label,
  )
}
async function type(input, value) {
  input.value = value
  input.dispatchEvent(new Event('input'))
  await settle()
}
function clickButton(text) {
  const button = [...dialog().querySelectorAll('button')].find((b) => b.textContent.trim() === text)
  button.click()
}

describe('StaffFormDialog', () => {
  it('offers 超级管理员 only to a super admin', async () => {
    session.staff = staffView({ id: 2, roles: ['ORG_ADMIN'] })
    await open(StaffFormDialog, { mode: 'create', orgTree: ORG_TREE, defaultOrgId: 10, roleOptions: ROLE_OPTIONS })
    expect(checkboxLabels()).toEqual(['组织管理员', '派单员', '查看员'])
  })

  it('shows USERNAME_TAKEN on the username field and keeps the dialog open', async () => {
    session.staff = staffView({ id: 1, roles: ['SUPER_ADMIN'] })
    const calls = fakeBackend(() =>
      apiError(409, 'USERNAME_TAKEN', '用户名已被使用，请换一个', [{ field: 'username', message: '用户名已被使用' }]),
    )
    await open(StaffFormDialog, { mode: 'create', orgTree: ORG_TREE, defaultOrgId: 10, roleOptions: ROLE_OPTIONS })

    await type(formItem('用户名').querySelector('input'), 'gz-orgadmin')
    await type(formItem('姓名').querySelector('input'), '张三')
    await type(formItem('初始密码').querySelector('input'), 'initial-pass-123')
    formItem('角色').querySelectorAll('.el-checkbox input')[2].click() // 派单员
    await settle()
    clickButton('保存')

    await vi.waitFor(() => expect(calls).toHaveLength(1))
    expect(calls[0].data).toEqual({
      orgId: 10,
      username: 'gz-orgadmin',
      displayName: '张三',
      password: 'initial-pass-123',
      roles: ['DISPATCHER'],
    })
    await vi.waitFor(() =>
      expect(formItem('用户名').querySelector('.el-form-item__error')?.textContent.trim()).toBe('用户名已被使用'),
    )
    expect(wrapper.emitted('saved')).toBeUndefined()
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
  })

  it('locks the roles of one’s own account but lets the name change, sending the version', async () => {
    const me = staffView({ id: 7, roles: ['ORG_ADMIN'], displayName: '李四', version: 3 })
    session.staff = me
    const calls = fakeBackend((call) => ({ data: { ...me, displayName: call.data.displayName, version: 4 } }))
    await open(StaffFormDialog, { mode: 'edit', staff: me, orgTree: ORG_TREE, roleOptions: ROLE_OPTIONS })

    const roleInputs = [...formItem('角色').querySelectorAll('.el-checkbox input')]
    expect(roleInputs.every((i) => i.disabled)).toBe(true)
    expect(formItem('角色').textContent).toContain('不能修改自己的角色')

    await type(formItem('姓名').querySelector('input'), '李四四')
    clickButton('保存')

    await vi.waitFor(() => expect(wrapper.emitted('saved')).toBeTruthy())
    expect(calls[0]).toMatchObject({ method: 'PUT', url: '/staff/7', data: { displayName: '李四四', roles: ['ORG_ADMIN'], version: 3 } })
    expect(wrapper.emitted('saved')[0][0].version).toBe(4)
  })
})

describe('OrgFormDialog', () => {
  const TYPES = [
    { value: 'PROVINCE_LEAGUE', label: '省级团委' },
    { value: 'CITY_LEAGUE', label: '市级团委' },
    { value: 'DISTRICT_LEAGUE', label: '区县团委' },
    { value: 'UNIVERSITY_LEAGUE', label: '高校团委' },
    { value: 'HOSPITAL_LEAGUE', label: '医院团委' },
    { value: 'PARTNER_UNIT', label: '合作单位' },
  ]
  const city = { id: 20, name: '共青团广州市委员会', type: 'CITY_LEAGUE', typeLabel: '市级团委', region: '广东省广州市', version: 2 }

  it('offers only the types allowed under the parent', async () => {
    await open(OrgFormDialog, { mode: 'create', parent: city, typeOptions: TYPES })
    // open the select so its options render
    formItem('组织类型').querySelector('.el-select__wrapper').click()
    await settle()
    const options = [...document.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent.trim())
    expect(options).toEqual(['区县团委', '高校团委', '医院团委', '合作单位'])
  })

  it('shows ORG_NAME_TAKEN on the name field', async () => {
    const calls = fakeBackend(() => apiError(409, 'ORG_NAME_TAKEN', '同一上级组织下已有同名组织'))
    await open(OrgFormDialog, { mode: 'edit', parent: city, org: city, typeOptions: TYPES })

    await type(formItem('组织名称').querySelector('input'), '共青团深圳市委员会')
    clickButton('保存')

    await vi.waitFor(() => expect(calls).toHaveLength(1))
    expect(calls[0]).toMatchObject({
      method: 'PUT',
      url: '/orgs/20',
      data: { name: '共青团深圳市委员会', region: '广东省广州市', version: 2 },
    })
    await vi.waitFor(() =>
      expect(formItem('组织名称').querySelector('.el-form-item__error')?.textContent.trim()).toBe('同一上级组织下已有同名组织'),
    )
  })

  it('closes and asks for a reload on a version conflict', async () => {
    fakeBackend(() => apiError(409, 'VERSION_CONFLICT', '数据已被他人修改，请刷新后重新编辑'))
    await open(OrgFormDialog, { mode: 'edit', parent: city, org: city, typeOptions: TYPES })

    clickButton('保存')

    await vi.waitFor(() => expect(wrapper.emitted('conflict')).toBeTruthy())
    expect(wrapper.emitted('update:modelValue')[0]).toEqual([false])
  })
})
