import { download, http } from './request'

/**
 * A page of VolunteerView: phone and ID number masked, each with its duty gate
 * ({open, unmet: [{condition: APPROVAL | TRAINING | INSURANCE, message}]}). Filters: status, skill,
 * page, size.
 */
export function listVolunteers(params, config = {}) {
  return http.get('/volunteers', { ...config, params })
}

/** VolunteerView, masked. */
export function getVolunteer(id, config) {
  return http.get(`/volunteers/${id}`, config)
}

/** The volunteer with phone and ID number in clear; the API records who looked and why. */
export function revealVolunteer(id, reason, config) {
  return http.post(`/volunteers/${id}/reveal`, { reason }, config)
}

/** {note?} → VolunteerView. A review that raced another is 409 REVIEW_CONFLICT. */
export function approveVolunteer(id, body = {}) {
  return http.post(`/volunteers/${id}/approve`, body)
}

/** {note} (required: the volunteer reads it) → VolunteerView. */
export function rejectVolunteer(id, body) {
  return http.post(`/volunteers/${id}/reject`, body)
}

/** {policy, until: 'YYYY-MM-DD'} → VolunteerView; an expired policy closes the duty gate again. */
export function recordInsurance(id, body) {
  return http.put(`/volunteers/${id}/insurance`, body)
}

/**
 * {totalHours, familyConfirmedHours, pendingHours, entries: [{ticketId, category, categoryLabel, hours, servedOn,
 * confirmation, confirmationLabel, counted}]}, newest first. Only counted entries are in totalHours.
 */
export function getVolunteerHours(id, config) {
  return http.get(`/volunteers/${id}/hours`, config)
}

/**
 * Saves the volunteer's certificate PDF. Before any confirmed hours the API answers 409 NO_HOURS_YET,
 * without a CJK font on the server 503 CERTIFICATE_FONT_MISSING; both reject with an ApiError
 * carrying the API's message.
 */
export function downloadCertificate(id, config) {
  return download(`/volunteers/${id}/certificate`, '志愿服务证明.pdf', config)
}

/**
 * Tasks the system confirmed after 72 h without a word from the family, waiting for a staff check:
 * [{id, volunteerId, volunteerName, ticketId, category, categoryLabel, spentMinutes, hours, maxHours, servedOn}], oldest first.
 */
export function listPendingHours(config) {
  return http.get('/volunteer-hours/pending', config)
}

/** {hours? (a multiple of 0.25 up to maxHours; default the computed hours), note?} → the entry, now counted. */
export function approveHours(id, body = {}) {
  return http.post(`/volunteer-hours/${id}/approve`, body)
}

/** {reason} → the entry, not counted. A second check of the same entry is 409 HOURS_ALREADY_REVIEWED. */
export function rejectHours(id, body) {
  return http.post(`/volunteer-hours/${id}/reject`, body)
}

/** The protection quiz with answers: [{id, question, choices, answer (index), active}], active first. */
export function listTrainingQuestions(config) {
  return http.get('/training-questions', config)
}

/** {question, choices: [2–6], answer: index} → the new question. */
export function addTrainingQuestion(body) {
  return http.post('/training-questions', body)
}

/** Retires a question (the answers given to it stay on record). */
export function retireTrainingQuestion(id) {
  return http.delete(`/training-questions/${id}`)
}
