// The volunteer registration form, checked before sending (VolunteerRequests.Register); the server
// checks again and its messages win.

export const blankRegistration = () => ({
  name: '', idNumber: '', orgId: null, skills: [], skillNotes: '',
  latitude: null, longitude: null, placeName: '', radiusKm: 5, availability: ''
})

export function validateRegistration(f) {
  const e = {}
  const name = (f.name || '').trim()
  if (!name) e.name = '请填写真实姓名'
  else if (name.length > 32) e.name = '姓名最多 32 个字'
  if (!/^\d{17}[\dXx]$/.test((f.idNumber || '').trim())) e.idNumber = '请填写 18 位身份证号'
  if (!f.orgId) e.orgId = '请选择所属组织'
  if (!f.skills || !f.skills.length) e.skills = '请至少选择一项技能'
  if ((f.skillNotes || '').length > 500) e.skillNotes = '技能说明最多 500 个字'
  if (f.latitude == null || f.longitude == null) e.latitude = '请选择常住位置'
  const r = Number(f.radiusKm)
  if (!Number.isInteger(r) || r < 1 || r > 50) e.radiusKm = '服务半径为 1–50 公里'
  if ((f.availability || '').length > 200) e.availability = '可服务时间最多 200 个字'
  return e
}

/** The request body: trimmed, coordinates rounded to 6 places, the place name left out. */
export function registrationBody(f) {
  const round = (x) => Math.round(Number(x) * 1e6) / 1e6
  return {
    name: f.name.trim(), idNumber: f.idNumber.trim().toUpperCase(), orgId: Number(f.orgId), skills: [...f.skills],
    skillNotes: (f.skillNotes || '').trim() || null, latitude: round(f.latitude), longitude: round(f.longitude),
    radiusKm: Number(f.radiusKm), availability: (f.availability || '').trim() || null
  }
}
