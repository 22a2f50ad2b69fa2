// Distances as a volunteer reads them, and how far they are from their registered home point.

/** "800 米", "1.2 公里", "12 公里"; null when the server gave no distance. */
export function formatDistance(km) {
  if (km === null || km === undefined || Number.isNaN(Number(km))) return null
  const value = Number(km)
  if (value < 1) return `${Math.max(100, Math.round((value * 1000) / 100) * 100)} 米`
  if (value < 10) return `${(Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '')} 公里`
  return `${Math.round(value)} 公里`
}

/** Great-circle distance in km between {latitude, longitude} points (numbers or numeric strings). */
export function haversineKm(a, b) {
  const rad = (d) => (Number(d) * Math.PI) / 180
  const dLat = rad(b.latitude) - rad(a.latitude)
  const dLon = rad(b.longitude) - rad(a.longitude)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * What to tell the volunteer about where distances are measured from. The server measures from the
 * registered home point; the phone's position only tells whether they are far from it now.
 * here: {latitude, longitude} | null (refused or unavailable); home: the VolunteerView.
 */
export function locationHint(here, home) {
  if (!home || home.latitude == null || home.longitude == null) return null
  if (!here) return { kind: 'refused', text: '未获取到当前位置，距离按您登记的常住位置计算。' }
  const away = haversineKm(here, home)
  if (away > Math.max(1, Number(home.radiusKm) || 0)) {
    return { kind: 'away', text: `您当前距登记的常住位置约 ${formatDistance(away)}，任务距离按常住位置计算，请量力认领。` }
  }
  return null
}
