import { http } from './request'

/**
 * The family's standing plans (一家一策), active first: [{id, familyId, category, categoryLabel,
 * description, daysOfWeek [1–7], serviceTime "HH:mm:ss", durationMinutes, leadHours, active, createdAt}].
 */
export function listCarePlans(familyId, config) {
  return http.get(`/families/${familyId}/care-plans`, config)
}

/** {category, description, daysOfWeek, serviceTime "HH:mm", durationMinutes, leadHours} → the plan. */
export function createCarePlan(familyId, body) {
  return http.post(`/families/${familyId}/care-plans`, body)
}

/** Stops a plan; tasks it already opened stay. */
export function stopCarePlan(id) {
  return http.post(`/care-plans/${id}/stop`)
}
