import { describe, expect, it } from 'vitest'
import {
  choiceLetter,
  coverageTotal,
  dutyIndicators,
  formatDistance,
  formatHours,
  insuranceState,
  onDuty,
  PARTNER_KIND_OPTIONS,
  partnerKindLabel,
  reviewActions,
  sharePercent,
  SKILL_OPTIONS,
  skillLabels,
  today,
  VOLUNTEER_STATUS_OPTIONS,
  VOLUNTEER_STATUS_TAG_TYPES,
  volunteerStatusLabel,
} from '@/utils/volunteers'
import {
  CARE_PLAN_CATEGORY_OPTIONS,
  formatDays,
  formatDuration,
  formatServiceTime,
  planRequest,
  planSchedule,
  WEEKDAY_OPTIONS,
} from '@/utils/carePlans'
import { formatInstant } from '@/utils/format'
import { channelLabel } from '@/utils/tickets'

describe('volunteer labels', () => {
  it('label every backend enum in Chinese', () => {
    expect(VOLUNTEER_STATUS_OPTIONS.map((o) => o.label)).toEqual(['待审核', '已通过', '未通过'])
    expect(VOLUNTEER_STATUS_OPTIONS.every((o) => VOLUNTEER_STATUS_TAG_TYPES[o.value])).toBe(true)
    expect(SKILL_OPTIONS.map((o) => o.value)).toEqual(['DRIVER', 'TUTOR', 'PSYCHOLOGIST', 'SHOPPING', 'ELDERLY_CARE', 'MEDICAL'])
    expect(SKILL_OPTIONS.map((o) => o.label)).toEqual(['有车司机', '课业辅导', '心理咨询师', '代购配送', '老人照护', '医疗护理'])
    expect(PARTNER_KIND_OPTIONS).toEqual([{ value: 'VOLUNTEER', label: '志愿者' }, { value: 'CADRE', label: '干部' }])
    expect(volunteerStatusLabel('PENDING')).toBe('待审核')
    expect(partnerKindLabel('CADRE')).toBe('干部')
    expect(volunteerStatusLabel('SUSPENDED')).toBe('SUSPENDED')
    expect(partnerKindLabel(null)).toBe('')
  })

  it('lists skills in a fixed order whatever order the set came in', () => {
    expect(skillLabels(['MEDICAL', 'DRIVER', 'ROBOTICS', 'TUTOR'])).toEqual(['有车司机', '课业辅导', '医疗护理', 'ROBOTICS'])
    expect(skillLabels(undefined)).toEqual([])
  })

  it('names the ticket channel of the new features', () => {
    expect(channelLabel('CARE_PLAN')).toBe('一家一策')
  })
})

describe('duty gate', () => {
  it('shows the three conditions in order, met or with the API reason', () => {
    const gate = {
      open: false,
      unmet: [
        { condition: 'INSURANCE', message: '尚未登记人身意外险，请联系所属组织办理' },
        { condition: 'APPROVAL', message: '注册正在等待所属组织审核' },
      ],
    }
    expect(dutyIndicators(gate)).toEqual([
      { key: 'APPROVAL', label: '审核', met: false, message: '注册正在等待所属组织审核' },
      { key: 'TRAINING', label: '培训', met: true, message: '已通过防护培训测试' },
      { key: 'INSURANCE', label: '保险', met: false, message: '尚未登记人身意外险，请联系所属组织办理' },
    ])
    expect(onDuty(gate)).toBe(false)
  })

  it('is all green when open, and all unknown without a gate', () => {
    expect(dutyIndicators({ open: true, unmet: [] }).every((i) => i.met)).toBe(true)
    expect(onDuty({ open: true, unmet: [] })).toBe(true)
    expect(dutyIndicators(null).map((i) => i.met)).toEqual([false, false, false])
    expect(dutyIndicators(undefined)[0].message).toBe('状态未知')
  })

  it('offers approve unless approved and reject unless rejected', () => {
    expect(reviewActions('PENDING')).toEqual(['approve', 'reject'])
    expect(reviewActions('APPROVED')).toEqual(['reject'])
    expect(reviewActions('REJECTED')).toEqual(['approve'])
    expect(reviewActions(undefined)).toEqual([])
  })

  it('tells valid, expired and missing insurance apart', () => {
    expect(insuranceState('2027-06-30', '2026-11-26')).toEqual({ type: 'success', text: '2027-06-30 到期' })
    expect(insuranceState('2026-11-26', '2026-11-26').type).toBe('success') // the last day still counts
    expect(insuranceState('2026-11-25', '2026-11-26')).toEqual({ type: 'danger', text: '已于 2026-11-25 到期' })
    expect(insuranceState(null)).toEqual({ type: 'info', text: '未登记' })
    expect(today(new Date(2026, 0, 5))).toBe('2026-01-05')
  })

  it('writes hours and distances', () => {
    expect(formatHours(1.5)).toBe('1.5 小时')
    expect(formatHours('2.25')).toBe('2.25 小时')
    expect(formatHours(0)).toBe('0 小时')
    expect(formatHours(null)).toBe('—')
    expect(formatDistance(3.2)).toBe('3.2 公里')
    expect(formatDistance(null)).toBe('—')
    expect(choiceLetter(0)).toBe('A')
    expect(choiceLetter(5)).toBe('F')
  })
})

describe('pairing coverage', () => {
  it('sums the districts and keeps shares within 0–100', () => {
    const rows = [
      { orgId: 3, district: '共青团广州市天河区委员会', families: 12, paired: 3, share: 25.0 },
      { orgId: 4, district: '共青团广州市越秀区委员会', families: 12, paired: 0, share: 0.0 },
      { orgId: 9, district: '共青团广州市黄埔区委员会', families: 0, paired: 0, share: 0 },
    ]
    expect(coverageTotal(rows)).toEqual({ families: 24, paired: 3, share: 12.5 })
    expect(coverageTotal([])).toEqual({ families: 0, paired: 0, share: 0 })
    expect(sharePercent(33.3)).toBe(33.3)
    expect(sharePercent(120)).toBe(100)
    expect(sharePercent(undefined)).toBe(0)
  })
})

describe('care plans', () => {
  it('writes days of the week in Chinese, with short forms for common sets', () => {
    expect(WEEKDAY_OPTIONS.map((d) => d.label)).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日'])
    expect(WEEKDAY_OPTIONS.map((d) => d.value)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(formatDays([5, 1, 3])).toBe('周一、周三、周五')
    expect(formatDays([1, 2, 3, 4, 5])).toBe('工作日（周一至周五）')
    expect(formatDays([7, 6])).toBe('周末')
    expect(formatDays([1, 2, 3, 4, 5, 6, 7])).toBe('每天')
    expect(formatDays([])).toBe('—')
  })

  it('writes times and durations', () => {
    expect(formatServiceTime('19:00:00')).toBe('19:00')
    expect(formatServiceTime('9:05')).toBe('09:05')
    expect(formatServiceTime(null)).toBe('')
    expect(formatDuration(90)).toBe('1 小时 30 分钟')
    expect(formatDuration(60)).toBe('1 小时')
    expect(formatDuration(45)).toBe('45 分钟')
    expect(planSchedule({ daysOfWeek: [1, 3], serviceTime: '11:30:00', durationMinutes: 60, leadHours: 24 })).toBe(
      '每周 周一、周三 11:30，1 小时，提前 24 小时发布',
    )
  })

  it('sends the form as the API takes it', () => {
    expect(
      planRequest({ category: 'MEALS', description: '  送午饭上门  ', daysOfWeek: [5, 1, 3, 1], serviceTime: '11:30', durationMinutes: 60, leadHours: '24' }),
    ).toEqual({ category: 'MEALS', description: '送午饭上门', daysOfWeek: [1, 3, 5], serviceTime: '11:30', durationMinutes: 60, leadHours: 24 })
  })

  it('offers every request category but the special fund', () => {
    expect(CARE_PLAN_CATEGORY_OPTIONS.map((o) => o.value)).not.toContain('SPECIAL_FUND')
    expect(CARE_PLAN_CATEGORY_OPTIONS.map((o) => o.value)).toContain('MEALS')
  })
})

describe('formatInstant', () => {
  it('shows an instant as Beijing time and wall-clock strings as they are', () => {
    expect(formatInstant('2026-11-25T15:07:27.123456Z')).toBe('2026-11-25 23:07:27')
    expect(formatInstant('2026-11-25T20:30:00+08:00')).toBe('2026-11-25 20:30:00')
    expect(formatInstant('2026-11-25T23:07:27.848')).toBe('2026-11-25 23:07:27')
    expect(formatInstant(null)).toBe('')
  })
})
