import { describe, expect, it } from 'vitest'
import { allowedChildTypes, mayHangUnder, ORG_TYPE_OPTIONS } from '@/utils/orgTypes'

const P = 'PROVINCE_LEAGUE'
const M = 'MUNICIPALITY_LEAGUE'
const C = 'CITY_LEAGUE'
const D = 'DISTRICT_LEAGUE'
const U = 'UNIVERSITY_LEAGUE'
const H = 'HOSPITAL_LEAGUE'
const X = 'PARTNER_UNIT'
const ALL = [P, M, C, D, U, H, X]

// The full matrix, parent → children allowed, as the backend's OrgType.mayHangUnder says.
const EXPECTED = {
  [P]: [M, C, U, H, X],
  // a municipality's districts and counties sit directly under it
  [M]: [D, U, H, X],
  [C]: [D, U, H, X],
  [D]: [U, H, X],
  [U]: [X],
  [H]: [X],
  [X]: [],
}

describe('mayHangUnder', () => {
  for (const parent of ALL) {
    for (const child of ALL) {
      const allowed = EXPECTED[parent].includes(child)
      it(`${child} under ${parent}: ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(mayHangUnder(child, parent)).toBe(allowed)
      })
    }
  }

  it('refuses a missing or unknown parent or child type', () => {
    expect(mayHangUnder(C, null)).toBe(false)
    expect(mayHangUnder(X, 'SPACE_STATION')).toBe(false)
    expect(mayHangUnder('SPACE_STATION', P)).toBe(false)
  })
})

describe('allowedChildTypes', () => {
  it('keeps the API labels and order', () => {
    const fromApi = [
      { value: P, label: '省级团委' },
      { value: C, label: '市级团委' },
      { value: D, label: '区县团委' },
      { value: U, label: '高校团委' },
      { value: H, label: '医院团委' },
      { value: X, label: '合作单位' },
    ]
    expect(allowedChildTypes(C, fromApi)).toEqual([
      { value: D, label: '区县团委' },
      { value: U, label: '高校团委' },
      { value: H, label: '医院团委' },
      { value: X, label: '合作单位' },
    ])
  })

  it('offers only partner units under a university or hospital league, nothing under a partner', () => {
    expect(allowedChildTypes(U).map((o) => o.label)).toEqual(['合作单位'])
    expect(allowedChildTypes(H).map((o) => o.label)).toEqual(['合作单位'])
    expect(allowedChildTypes(X)).toEqual([])
  })

  it('ignores types the client does not know', () => {
    const options = [...ORG_TYPE_OPTIONS, { value: 'NEW_KIND', label: '新类型' }]
    expect(allowedChildTypes(P, options).map((o) => o.value)).toEqual([M, C, U, H, X])
  })
})
