import { http } from './request'

/**
 * Pairings of the jurisdiction (at most 500, newest first): [{id, familyId, familyLabel, district,
 * volunteerId, partnerName, partnerKind, pairedAt, endedAt, endReason, checkIns, lastCheckInAt}].
 * Filters: active (true: ongoing, false: ended), familyId.
 */
export function listPairings(params, config = {}) {
  return http.get('/pairings', { ...config, params })
}

/** Per district league: [{orgId, district, families, paired, share (%)}]. */
export function getPairingCoverage(config) {
  return http.get('/pairings/coverage', config)
}

/**
 * Up to 10 approved, unpaired volunteers for the family: [{volunteerId, name, orgName, skills,
 * distanceKm, meets}] — those whose skills meet the family's needs first, then nearest.
 */
export function getPairingSuggestions(familyId, config) {
  return http.get(`/families/${familyId}/pairing-suggestions`, config)
}

/**
 * {familyId, volunteerId, partnerKind: VOLUNTEER | CADRE} → the pairing. One active pairing per family
 * and per partner: 409 FAMILY_ALREADY_PAIRED / PARTNER_ALREADY_PAIRED; 409 PARTNER_NOT_APPROVED.
 */
export function createPairing(body) {
  return http.post('/pairings', body)
}

/** {reason} → the ended pairing; the partner loses access to the family at once. */
export function endPairing(id, body) {
  return http.post(`/pairings/${id}/end`, body)
}
