import { http } from './request'

/** The on-duty psychological experts of the jurisdiction: [{id, orgId, name, phone (masked), alertsByWechat, active}]. */
export function listDutyExperts() {
  return http.get('/duty-experts')
}

/** {name, phone, openId?} → DutyExpertView; the expert joins the caller's own org. */
export function addDutyExpert(body) {
  return http.post('/duty-experts', body)
}

/** {name, phone?, openId?, clearOpenId?, active?} → DutyExpertView; a blank phone or OpenID keeps the current one. */
export function updateDutyExpert(id, body) {
  return http.put(`/duty-experts/${id}`, body)
}

/** Takes the expert off duty (204). */
export function removeDutyExpert(id) {
  return http.delete(`/duty-experts/${id}`)
}
