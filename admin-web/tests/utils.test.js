import { describe, expect, it } from 'vitest'
import { actionLabel, detailEntries, targetLabel } from '@/utils/audit'
import { formatDateTime } from '@/utils/format'
import { useFieldErrors } from '@/utils/formErrors'
import { ApiError } from '@/api/request'
import { generatePassword, NAME_PATTERN, USERNAME_PATTERN } from '@/utils/validation'

describe('audit labels', () => {
  it.each([
    ['ORG_CREATED', '新建组织'],
    ['STAFF_PASSWORD_RESET', '重置密码'],
    ['LOGIN_FAILED', '登录失败'],
    ['ACCOUNT_LOCKED', '账号锁定'],
    ['LOGOUT', '退出登录'],
  ])('%s is shown as %s', (code, label) => {
    expect(actionLabel(code)).toBe(label)
  })

  it('shows unknown codes as they are', () => {
    expect(actionLabel('HELP_REQUEST_CLAIMED')).toBe('HELP_REQUEST_CLAIMED')
    expect(targetLabel('STAFF')).toBe('账号')
    expect(targetLabel('FAMILY')).toBe('FAMILY')
  })

  it('turns a JSON detail into labelled rows', () => {
    expect(detailEntries('{"name":"天河区团委","type":"DISTRICT_LEAGUE","root":true}')).toEqual([
      { key: 'name', label: '名称', value: '天河区团委' },
      { key: 'type', label: '类型', value: 'DISTRICT_LEAGUE' },
      { key: 'root', label: '根组织', value: '是' },
    ])
    expect(detailEntries('{"roles":"VIEWER → DISPATCHER","extra":{"a":1}}')).toEqual([
      { key: 'roles', label: '角色', value: 'VIEWER → DISPATCHER' },
      { key: 'extra', label: 'extra', value: '{"a":1}' },
    ])
  })

  it('shows a non-JSON detail as text and nothing for an empty one', () => {
    expect(detailEntries('not json')).toEqual([{ key: '', label: '', value: 'not json' }])
    expect(detailEntries(null)).toEqual([])
    expect(detailEntries('')).toEqual([])
  })
})

describe('formatDateTime', () => {
  it('shows backend wall-clock times without the T and fractions', () => {
    expect(formatDateTime('2026-11-25T09:30:15.123')).toBe('2026-11-25 09:30:15')
    expect(formatDateTime('2026-11-25T09:30')).toBe('2026-11-25 09:30')
    expect(formatDateTime(null)).toBe('')
  })
})

describe('useFieldErrors', () => {
  it('puts fieldErrors on matching fields and returns the rest', () => {
    const { errors, apply } = useFieldErrors(['username', 'displayName'])
    const rest = apply(
      new ApiError({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: '填写的内容有误，请按提示修改后重试',
        fieldErrors: [
          { field: 'username', message: '用户名为 3–32 个字符' },
          { field: 'username', message: '用户名以字母开头' },
          { field: 'password', message: '密码为 10–64 个字符' },
        ],
      }),
    )
    expect(errors.username).toBe('用户名为 3–32 个字符；用户名以字母开头')
    expect(errors.displayName).toBe('')
    expect(rest).toEqual([{ field: 'password', message: '密码为 10–64 个字符' }])
  })

  it('maps codes without fieldErrors to their field, and clears old errors', () => {
    const { errors, apply } = useFieldErrors(['name'], { ORG_NAME_TAKEN: 'name' })
    apply(new ApiError({ status: 409, code: 'ORG_NAME_TAKEN', message: '同一上级组织下已有同名组织' }))
    expect(errors.name).toBe('同一上级组织下已有同名组织')
    apply(new ApiError({ status: 409, code: 'VERSION_CONFLICT', message: '数据已被他人修改' }))
    expect(errors.name).toBe('')
  })
})

describe('input rules', () => {
  it('mirror the backend patterns', () => {
    expect(NAME_PATTERN.test('共青团广州市天河区委员会（试点）')).toBe(true)
    expect(NAME_PATTERN.test(' 前导空格')).toBe(false)
    expect(NAME_PATTERN.test('<script>')).toBe(false)
    expect(USERNAME_PATTERN.test('th-zhang.san_1')).toBe(true)
    expect(USERNAME_PATTERN.test('1abc')).toBe(false)
  })

  it('generates passwords the backend accepts', () => {
    const a = generatePassword()
    expect(a).toMatch(/^[A-Za-z2-9]{12}$/)
    expect(generatePassword()).not.toBe(a)
  })
})
