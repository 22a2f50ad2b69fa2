// The duty gate (approved, trained, insured) as a checklist, derived from VolunteerView.dutyGate.

const ITEMS = [
  { key: 'APPROVAL', title: '登记审核通过' },
  { key: 'TRAINING', title: '防护培训测试合格' },
  { key: 'INSURANCE', title: '意外保险在有效期内' }
]

function metDetail(key, v) {
  if (key === 'APPROVAL') return v.statusLabel || ''
  if (key === 'TRAINING') return v.trainingPassedAt ? `${String(v.trainingPassedAt).slice(0, 10)} 通过` : ''
  if (key === 'INSURANCE') return v.insuranceUntil ? `有效期至 ${v.insuranceUntil}` : ''
  return ''
}

function todo(key, v) {
  if (key === 'APPROVAL') {
    return v.status === 'REJECTED'
      ? { hint: v.reviewNote ? `审核意见：${v.reviewNote}。如有疑问请联系所属团委。` : '如有疑问请联系所属团委。' }
      : { hint: '工作人员审核后即可上岗，请耐心等待。' }
  }
  if (key === 'TRAINING') return { hint: '学习防护课程并完成测试，达到及格线即为合格。', action: { text: '去学习并测试', url: '/pages/volunteer/quiz' } }
  if (key === 'INSURANCE') return { hint: '意外保险由所属团委统一办理登记，请联系您所属组织的工作人员。' }
  return { hint: '' }
}

/**
 * [{key, title, met, detail, message, hint, action}] in the order approval, training, insurance;
 * conditions the server names that the client does not know yet are appended, so none is hidden.
 */
export function gateChecklist(volunteer) {
  const unmet = (volunteer && volunteer.dutyGate && volunteer.dutyGate.unmet) || []
  const byKey = Object.fromEntries(unmet.map((u) => [u.condition, u]))
  const items = ITEMS.map(({ key, title }) => {
    const u = byKey[key]
    if (!u) return { key, title, met: true, detail: metDetail(key, volunteer || {}), message: '', hint: '', action: null }
    const t = todo(key, volunteer || {})
    return { key, title, met: false, detail: '', message: u.message, hint: t.hint, action: t.action || null }
  })
  for (const u of unmet) {
    if (!ITEMS.some((i) => i.key === u.condition)) {
      items.push({ key: u.condition, title: u.message, met: false, detail: '', message: u.message, hint: '', action: null })
    }
  }
  return items
}

/** True when the volunteer may claim tasks. */
export const gateOpen = (volunteer) => Boolean(volunteer && volunteer.dutyGate && volunteer.dutyGate.open)
