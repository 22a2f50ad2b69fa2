// What the client treats as a crisis the moment the family types it, so the hotline shows at once
// (before the request is even sent). The server decides for itself (CrisisSigns) and answers
// `crisis: true`; this list mirrors it so the two agree on what is a crisis.
const WORDS = ['自杀', '轻生', '不想活', '活不下去', '活着没意思', '寻死', '想死', '结束生命', '了结自己',
  '割腕', '跳楼', '跳河', '上吊', '安眠药', '吃药自尽', '撑不下去了', '崩溃']

export function looksLikeCrisis({ category, urgency, description, address } = {}) {
  if (category === 'PSYCHOLOGICAL' && urgency === 'CRISIS') return true
  return [description, address].some((t) => t && WORDS.some((w) => t.includes(w)))
}
