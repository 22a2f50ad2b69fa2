import { afterEach, describe, expect, it, vi } from 'vitest'
import { actionLabel, detailEntries, targetLabel } from '@/utils/audit'
import { formatDateTime } from '@/utils/format'
import { rowFieldErrors, useFieldErrors } from '@/utils/formErrors'
import { batchLabel, disclosedFieldLabels, memberFlagLabels, normalisePhone, PHONE_PATTERN } from '@/utils/registry'
import { ApiError } from '@/api/request'
import { generatePassword, NAME_PATTERN, USERNAME_PATTERN } from '@/utils/validation'
import { copyText } from '@/utils/clipboard'

describe('audit labels', () => {
  it('shows the names the server gives, else the code', () => {
    expect(actionLabel({ action: 'STAFF_PASSWORD_RESET', actionLabel: '重置密码' })).toBe('重置密码')
    expect(actionLabel({ action: 'HELP_REQUEST_CLAIMED' })).toBe('HELP_REQUEST_CLAIMED')
    expect(targetLabel({ targetType: 'STAFF', targetTypeLabel: '账号' })).toBe('账号')
    expect(targetLabel({ targetType: 'HELP_REQUEST' })).toBe('HELP_REQUEST')
    expect(actionLabel(null)).toBe('')
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

describe('rowFieldErrors', () => {
  it('keys the errors of a sub-form by row and field, and keeps list-wide ones apart', () => {
    expect(
      rowFieldErrors(
        [
          { field: 'contacts[1].phone', message: '请填写 11 位手机号或带区号的固定电话' },
          { field: 'contacts[1].phone', message: '请填写联系电话' },
          { field: 'contacts[0].name', message: '请填写姓名' },
          { field: 'contacts', message: '最多 10 位领队和联络员' },
          { field: 'members[0].name', message: '不是这个列表的' },
          { field: 'name', message: '不是这个列表的' },
        ],
        'contacts',
      ),
    ).toEqual({
      '1.phone': '请填写 11 位手机号或带区号的固定电话；请填写联系电话',
      '0.name': '请填写姓名',
      '': '最多 10 位领队和联络员',
    })
    expect(rowFieldErrors(undefined, 'members')).toEqual({})
  })
})

describe('registry helpers', () => {
  it('write batches as the league does', () => {
    expect([1, 2, 10, 11, 19, 20, 25].map(batchLabel)).toEqual(['第一批', '第二批', '第十批', '第十一批', '第十九批', '第20批', '第25批'])
    expect(batchLabel(null)).toBe('')
    expect(batchLabel(0)).toBe('')
  })

  it('normalise phones like the backend before checking them', () => {
    expect(normalisePhone('+86 139-0000-0001')).toBe('13900000001')
    expect(normalisePhone('020-87654321')).toBe('02087654321')
    expect(PHONE_PATTERN.test(normalisePhone('(020) 8765 4321'))).toBe(true)
    expect(PHONE_PATTERN.test(normalisePhone('139****0001'))).toBe(false) // a masked value never passes
    expect(normalisePhone(null)).toBe('')
  })

  it('label disclosed fields and member needs', () => {
    expect(disclosedFieldLabels('OWN_PHONE,FAMILY_MEMBERS,SOMETHING_NEW')).toEqual(['本人电话', '家庭成员', 'SOMETHING_NEW'])
    expect(disclosedFieldLabels('address,contactPhone')).toEqual(['服务地址', '联系电话']) // a help request's reveal
    expect(disclosedFieldLabels(null)).toEqual([])
    expect(memberFlagLabels({ elderlyAlone: true, chronicIllness: true, pregnant: false })).toEqual(['独居老人', '慢性病'])
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

describe('copyText', () => {
  afterEach(() => {
    delete navigator.clipboard
    delete document.execCommand
  })

  it('uses the Clipboard API where there is one', async () => {
    const writeText = vi.fn().mockResolvedValue()
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    expect(await copyText('U47SY2UPWM')).toBe(true)
    expect(writeText).toHaveBeenCalledWith('U47SY2UPWM')
  })

  it('falls back to a hidden textarea (plain HTTP has no Clipboard API) and cleans up', async () => {
    let copied = null
    document.execCommand = vi.fn(() => {
      copied = document.activeElement?.value ?? document.querySelector('textarea')?.value
      return true
    })
    expect(await copyText('U47SY2UPWM')).toBe(true)
    expect(document.execCommand).toHaveBeenCalledWith('copy')
    expect(copied).toBe('U47SY2UPWM')
    expect(document.querySelector('textarea')).toBeNull()
  })

  it('says so when nothing can copy', async () => {
    expect(await copyText('x')).toBe(false)
  })
})
