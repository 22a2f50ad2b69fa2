import { describe, expect, it } from 'vitest'
import { formatDistance, haversineKm, locationHint } from '../src/utils/taskDistance'
import { gateChecklist, gateOpen } from '../src/utils/dutyGate'
import { categoryFilters, conflictHeadline, filterTasks, missingTask, ownTask, taskActions } from '../src/utils/taskList'
import { dateTime, timeWindow } from '../src/utils/format'
import { unanswered, answerMap, choiceOptions, afterResult, quizState } from '../src/utils/quizAnswers'
import { fieldErrorMap, errorLines } from '../src/utils/apiFieldErrors'
import { blankRegistration, registrationBody, validateRegistration } from '../src/utils/registration'
import { contentTypeOf } from '../src/utils/volunteerPhotos'
import { entryHours, entryNote, hasCountedHours, pendingLine } from '../src/utils/serviceHours'
import { consentNote, consentQuestion } from '../src/utils/storyConsent'

describe('service hours', () => {
  const family = { servedOn: '2026-12-01', hours: '0.75', confirmation: 'FAMILY', confirmationLabel: '家属确认', counted: true }
  const waiting = { servedOn: '2026-12-02', hours: '0.50', confirmation: 'PENDING_REVIEW', confirmationLabel: '待工作人员核实', counted: false }
  it('counts only confirmed or checked entries towards a certificate', () => {
    expect(hasCountedHours([waiting])).toBe(false)
    expect(hasCountedHours([waiting, family])).toBe(true)
    expect(hasCountedHours([])).toBe(false)
  })
  it('says who confirmed each entry and which do not count yet', () => {
    expect(entryNote(family)).toBe('2026-12-01 · 家属确认')
    expect(entryHours(family)).toBe('0.75 小时')
    expect(entryHours(waiting)).toBe('0.5 小时（未计入）')
    expect(entryNote({ servedOn: '2026-12-03' })).toBe('2026-12-03')
  })
  it('mentions hours waiting for a staff check, and nothing when none wait', () => {
    expect(pendingLine('0.50')).toContain('另有 0.5 小时待工作人员核实')
    expect(pendingLine('0.00')).toBe('')
    expect(pendingLine(undefined)).toBe('')
  })
})


describe('formatDistance', () => {
  it('shows metres under a kilometre, one decimal under ten, whole kilometres beyond', () => {
    expect(formatDistance(0.04)).toBe('100 米')
    expect(formatDistance(0.83)).toBe('800 米')
    expect(formatDistance(1)).toBe('1 公里')
    expect(formatDistance(3.26)).toBe('3.3 公里')
    expect(formatDistance(12.6)).toBe('13 公里')
  })
  it('says nothing when the server gave no distance', () => {
    expect(formatDistance(null)).toBeNull()
    expect(formatDistance(undefined)).toBeNull()
  })
})

describe('haversineKm and locationHint', () => {
  const home = { latitude: 23.129, longitude: 113.264, radiusKm: 5 }
  it('measures about 111 km per degree of latitude', () => {
    expect(haversineKm({ latitude: 23, longitude: 113 }, { latitude: 24, longitude: 113 })).toBeCloseTo(111.2, 0)
  })
  it('explains the home point when the position was refused', () => {
    expect(locationHint(null, home).kind).toBe('refused')
  })
  it('warns when the phone is outside the service radius, stays silent inside it', () => {
    expect(locationHint({ latitude: 23.2, longitude: 113.264 }, home).kind).toBe('away')
    expect(locationHint({ latitude: 23.13, longitude: 113.265 }, home)).toBeNull()
  })
  it('has nothing to say without a home point', () => {
    expect(locationHint(null, null)).toBeNull()
  })
})

describe('gateChecklist', () => {
  const base = {
    status: 'APPROVED', statusLabel: '已通过', trainingPassedAt: '2026-11-20T09:00:00', insuranceUntil: '2027-01-31',
    dutyGate: { open: true, unmet: [] }
  }
  it('lists the three conditions as met with what proves them', () => {
    const items = gateChecklist(base)
    expect(items.map((i) => i.key)).toEqual(['APPROVAL', 'TRAINING', 'INSURANCE'])
    expect(items.every((i) => i.met)).toBe(true)
    expect(items[1].detail).toBe('2026-11-20 通过')
    expect(items[2].detail).toBe('有效期至 2027-01-31')
    expect(gateOpen(base)).toBe(true)
  })
  it('shows the server message of each unmet condition and what to do', () => {
    const v = {
      ...base, status: 'PENDING', trainingPassedAt: null,
      dutyGate: { open: false, unmet: [
        { condition: 'APPROVAL', message: '登记还在审核中' },
        { condition: 'TRAINING', message: '还没有通过防护培训' }
      ] }
    }
    const items = gateChecklist(v)
    expect(items[0]).toMatchObject({ met: false, message: '登记还在审核中' })
    expect(items[1].action.url).toBe('/pages/volunteer/quiz')
    expect(items[2].met).toBe(true)
    expect(gateOpen(v)).toBe(false)
  })
  it('shows the review note of a rejected registration', () => {
    const v = { ...base, status: 'REJECTED', reviewNote: '信息不完整', dutyGate: { open: false, unmet: [{ condition: 'APPROVAL', message: '未通过' }] } }
    expect(gateChecklist(v)[0].hint).toContain('信息不完整')
  })
  it('keeps a condition the client does not know yet', () => {
    const v = { ...base, dutyGate: { open: false, unmet: [{ condition: 'HEALTH', message: '请完成健康申报' }] } }
    const items = gateChecklist(v)
    expect(items).toHaveLength(4)
    expect(items[3]).toMatchObject({ key: 'HEALTH', met: false, message: '请完成健康申报' })
  })
})

describe('task lists', () => {
  const tasks = [
    { id: 1, category: 'MEALS', categoryLabel: '送餐', status: 'OPEN' },
    { id: 2, category: 'TUTORING', categoryLabel: '课业辅导', status: 'OPEN' },
    { id: 3, category: 'MEALS', categoryLabel: '送餐', status: 'DISPATCHED' }
  ]
  it('offers the categories present, labelled by the server', () => {
    expect(categoryFilters(tasks)).toEqual([{ value: 'MEALS', text: '送餐' }, { value: 'TUTORING', text: '课业辅导' }])
  })
  it('filters by category and keeps the order', () => {
    expect(filterTasks(tasks, 'MEALS').map((t) => t.id)).toEqual([1, 3])
    expect(filterTasks(tasks, '')).toHaveLength(3)
  })
  it('knows what can be done in each state', () => {
    expect(taskActions(tasks[0], false)).toEqual(['claim'])
    expect(taskActions({ status: 'CLAIMED' }, false)).toEqual([])
    expect(taskActions({ status: 'CLAIMED' }, true)).toEqual(['start', 'release'])
    expect(taskActions({ status: 'IN_PROGRESS' }, true)).toEqual(['complete'])
    expect(taskActions({ status: 'DONE' }, true)).toEqual([])
  })
  it('counts a task as mine while claimed or started', () => {
    expect(ownTask({ id: 2, status: 'CLAIMED' })).toBe(true)
    expect(ownTask({ id: 2, status: 'IN_PROGRESS' })).toBe(true)
    expect(ownTask(tasks[0])).toBe(false)
    expect(ownTask({ id: 2, status: 'DONE' })).toBe(false)
    expect(ownTask(null)).toBe(false)
  })
  it('shows a task it may not see as gone, a closed duty gate in the server\'s words, and rethrows the rest', () => {
    expect(missingTask({ code: 'TICKET_NOT_FOUND', message: '求助不存在，或您无权查看' })).toEqual({ headline: '', message: '' })
    expect(missingTask({ code: 'DUTY_GATE_CLOSED', message: '您暂时不能认领任务：请先完成防护培训' }))
      .toEqual({ headline: '暂不能查看任务', message: '您暂时不能认领任务：请先完成防护培训' })
    const outage = { code: 'HTTP_503', message: '服务暂时不可用' }
    expect(() => missingTask(outage)).toThrow()
  })
  it('writes time windows and times in Chinese', () => {
    expect(timeWindow({ start: '2026-11-28T11:00:00', end: '2026-11-28T12:30:00' })).toBe('11月28日 11:00 – 12:30')
    expect(timeWindow({ start: '2026-11-28T20:00:00', end: '2026-11-29T08:00:00' })).toBe('11月28日 20:00 – 11月29日 08:00')
    expect(timeWindow({ start: '2026-11-28T20:00:00' })).toBe('11月28日 20:00 起')
    expect(timeWindow(null)).toBe('')
    expect(dateTime('2026-11-25T10:30:00')).toBe('11月25日 10:30')
  })
})

describe('quiz answers', () => {
  const qs = [{ id: 7, choices: ['a', 'b'] }, { id: 8, choices: ['c', 'd', 'e'] }]
  it('names the unanswered questions', () => {
    expect(unanswered(qs, { 7: 0 })).toEqual([8])
    expect(unanswered(qs, { 7: 0, 8: 2 })).toEqual([])
  })
  it('sends numeric indexes', () => {
    expect(answerMap(qs, { 7: '1', 8: 0 })).toEqual({ 7: 1, 8: 0 })
    expect(choiceOptions(qs[1])).toEqual([{ value: 0, text: 'c' }, { value: 1, text: 'd' }, { value: 2, text: 'e' }])
  })
})

describe('quiz attempts', () => {
  it('offers a new draw after a failure while attempts are left, and names no right answer', () => {
    expect(afterResult({ score: 3, total: 5, passed: false, message: '答对 3 题', attemptsLeft: 2 }))
      .toEqual({ retry: true, notice: '今天还可以再试 2 次，题目会重新抽取' })
    expect(afterResult({ score: 4, total: 5, passed: false, attemptsLeft: 0 }))
      .toEqual({ retry: false, notice: '今天的测试机会已用完，请再看看课程，明天再试' })
    expect(afterResult({ score: 5, total: 5, passed: true, attemptsLeft: 2 })).toEqual({ retry: false, notice: '' })
  })
  it('tells an exhausted day from an empty bank', () => {
    expect(quizState({ questions: [{ id: 1 }], attemptsLeft: 3 })).toEqual({ canAnswer: true, notice: '今天还可以提交 3 次' })
    expect(quizState({ questions: [], attemptsLeft: 0 }).notice).toContain('明天再试')
    expect(quizState({ questions: [], attemptsLeft: 3 }).notice).toBe('暂时没有测试题，请稍后再来')
  })
})

describe('field errors', () => {
  it('maps fields to their first message and lists the lines', () => {
    const e = { message: '提交的内容有误', fieldErrors: [{ field: 'name', message: '请填写真实姓名' }, { field: 'name', message: 'x' }] }
    expect(fieldErrorMap(e)).toEqual({ name: '请填写真实姓名' })
    expect(errorLines(e)).toEqual(['提交的内容有误', '请填写真实姓名', 'x'])
    expect(fieldErrorMap(null)).toEqual({})
  })
})

describe('registration', () => {
  const filled = { ...blankRegistration(), name: ' 林晓雨 ', idNumber: '44010619990101123x', orgId: '3', skills: ['TUTOR'],
    latitude: 23.1291234567, longitude: 113.2641234567, radiusKm: 5 }
  it('asks for every required field', () => {
    expect(Object.keys(validateRegistration(blankRegistration())).sort()).toEqual(['idNumber', 'latitude', 'name', 'orgId', 'skills'])
  })
  it('accepts a filled form and normalises the body', () => {
    expect(validateRegistration(filled)).toEqual({})
    expect(registrationBody(filled)).toEqual({ name: '林晓雨', idNumber: '44010619990101123X', orgId: 3, skills: ['TUTOR'],
      skillNotes: null, latitude: 23.129123, longitude: 113.264123, radiusKm: 5, availability: null })
  })
  it('keeps the radius within 1–50 km', () => {
    expect(validateRegistration({ ...filled, radiusKm: 80 }).radiusKm).toBeTruthy()
  })
})

describe('photo content type', () => {
  it('comes from the file type or extension, JPEG otherwise', () => {
    expect(contentTypeOf({ path: 'wxfile://tmp_abc.png' })).toBe('image/png')
    expect(contentTypeOf({ path: 'blob:http://x/1', type: 'image/webp' })).toBe('image/webp')
    expect(contentTypeOf({ path: 'http://tmp/abc' })).toBe('image/jpeg')
  })
})

describe('conflictHeadline', () => {
  it('says another volunteer was faster when the task is now claimed', () => {
    expect(conflictHeadline({ fieldErrors: [{ field: 'status', message: 'CLAIMED' }] })).toBe('慢了一步，这个任务已被其他志愿者认领')
    expect(conflictHeadline({ fieldErrors: [] })).toBe('慢了一步，这个任务已被其他志愿者认领')
  })
  it('stays general when the task ended otherwise', () => {
    expect(conflictHeadline({ fieldErrors: [{ field: 'status', message: 'CANCELLED' }] })).toBe('这个任务现在不能认领了')
  })
})

describe('story consent', () => {
  it('says since when the volunteer agreed, and what withdrawing does', () => {
    expect(consentNote({ consented: true, consentedAt: '2026-12-06T21:05:00' })).toContain('已于 12月6日 21:05 同意')
    expect(consentNote({ consented: false, consentedAt: null })).toMatch(/^未同意/)
    expect(consentNote(null)).toMatch(/^未同意/)
    expect(consentQuestion(false).content).toContain('立即撤下')
    expect(consentQuestion(true).title).toBe('同意展示我的事迹')
  })
})
