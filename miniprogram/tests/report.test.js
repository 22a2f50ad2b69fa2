import { describe, expect, it } from 'vitest'
import { beijingToday, blankSupply, deliveryText, normaliseReport, reportOf, rowsFromReport, teamIdFor } from '../src/utils/reportItems'

const row = (o) => ({ ...blankSupply(), ...o })

describe('normaliseReport', () => {
  it('drops blank rows and trims what is sent', () => {
    const { body, errors } = normaliseReport({
      supplies: [row({ name: ' N95口罩 ', quantity: '200', unit: '个', spec: 'KN95' }), row({})],
      needs: [{ text: ' 需要心理疏导 ' }, { text: '  ' }]
    })
    expect(errors).toEqual({})
    expect(body).toEqual({
      supplies: [{ name: 'N95口罩', quantity: 200, unit: '个', spec: 'KN95', urgency: 'NORMAL' }],
      needs: ['需要心理疏导']
    })
  })
  it('asks for at least one item', () => {
    expect(normaliseReport({ supplies: [row({})], needs: [] }).errors.form).toBe('请至少填写一项物资或需求')
  })
  it('keys row errors by the row shown in the form', () => {
    const { body, errors } = normaliseReport({
      supplies: [row({}), row({ name: '防护服', quantity: '0' }), row({ quantity: '3' }), row({ name: '手套', quantity: '2.5' })]
    })
    expect(body).toBeNull()
    expect(errors).toEqual({
      'supplies[1].quantity': '数量须为正整数',
      'supplies[2].name': '请填写物资名称',
      'supplies[3].quantity': '数量须为正整数'
    })
  })
  it('enforces the contract limits', () => {
    expect(normaliseReport({ supplies: [row({ name: '口罩', quantity: '10000000' })] }).errors['supplies[0].quantity']).toBe('数量过大')
    expect(normaliseReport({ supplies: [row({ name: '口罩', quantity: '1', unit: '一二三四五六七八九' })] }).errors['supplies[0].unit']).toBeTruthy()
    const many = Array.from({ length: 31 }, () => row({ name: '口罩', quantity: '1' }))
    expect(normaliseReport({ supplies: many }).errors.form).toBe('一次最多报告 30 项物资')
    expect(normaliseReport({ needs: [{ text: 'x'.repeat(65) }] }).errors['needs[0]']).toBeTruthy()
  })
  it('sends needs alone', () => {
    expect(normaliseReport({ supplies: [], needs: [{ text: '需要理发' }] }).body).toEqual({ supplies: [], needs: ['需要理发'] })
  })
})

describe('reading a report back', () => {
  const report = { id: 5, date: '2026-12-06', items: [
    { id: 1, kind: 'SUPPLY', name: '口罩', quantity: 200, unit: '个', spec: null, urgency: 'URGENT', delivered: 120 },
    { id: 2, kind: 'OTHER', name: '需要心理疏导', quantity: null, unit: null, delivered: 0 }
  ] }
  it('turns it into form rows to amend', () => {
    const rows = rowsFromReport(report)
    expect(rows.supplies).toHaveLength(1)
    expect(rows.supplies[0]).toMatchObject({ name: '口罩', quantity: '200', unit: '个', spec: '', urgency: 'URGENT' })
    expect(rows.needs.map((n) => n.text)).toEqual(['需要心理疏导'])
    expect(rowsFromReport(null).supplies).toHaveLength(1)
  })
  it('finds the day', () => {
    expect(reportOf([report], '2026-12-06')).toBe(report)
    expect(reportOf([report], '2026-12-05')).toBeNull()
  })
  it('says how much arrived', () => {
    expect(deliveryText(report.items[0])).toBe('已送达 120/200 个')
    expect(deliveryText({ ...report.items[0], delivered: 200 })).toBe('已全部送达')
    expect(deliveryText(report.items[1])).toBe('')
  })
})

describe('which team and which day', () => {
  it('takes the page teamId, else the single team-contact role', () => {
    expect(teamIdFor('7', [])).toBe(7)
    expect(teamIdFor(undefined, [{ kind: 'FAMILY', subjectId: 1 }, { kind: 'TEAM_CONTACT', subjectId: 3 }])).toBe(3)
    expect(teamIdFor(undefined, [{ kind: 'TEAM_CONTACT', subjectId: 3 }, { kind: 'TEAM_CONTACT', subjectId: 4 }])).toBeNull()
    expect(teamIdFor(undefined, null)).toBeNull()
  })
  it('counts the day in Beijing time', () => {
    expect(beijingToday(new Date('2026-12-06T17:00:00Z'))).toBe('2026-12-07')
    expect(beijingToday(new Date('2026-12-06T15:59:00Z'))).toBe('2026-12-06')
  })
})
