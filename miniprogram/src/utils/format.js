// Small display helpers.

/** 2026-11-28T11:00:00 → 11月28日 11:00 */
export function dateTime(iso) {
  if (!iso) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(iso)
  return m ? `${Number(m[2])}月${Number(m[3])}日 ${m[4]}:${m[5]}` : iso
}

/** A preferred time window as one line: 11月28日 11:00 – 12:30, across days with both dates, open-ended with 起. */
export function timeWindow(w) {
  if (!w || !w.start) return ''
  if (!w.end) return `${dateTime(w.start)} 起`
  const sameDay = w.start.slice(0, 10) === w.end.slice(0, 10)
  return `${dateTime(w.start)} – ${sameDay ? w.end.slice(11, 16) : dateTime(w.end)}`
}

/** uni-datetime-picker's "2026-11-28 11:00:00" (or a timestamp) → the API's "2026-11-28T11:00:00". */
export function toIso(value) {
  if (!value) return null
  if (typeof value === 'number') {
    const d = new Date(value)
    const p = (n) => String(n).padStart(2, '0')
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:00`
  }
  const s = String(value).replace(' ', 'T')
  return s.length === 16 ? s + ':00' : s
}

/** The label of a server enum: the dictionary's, else the label the view carries, else the code. */
export function enumLabel(dict, type, code, viewLabel) {
  const label = dict.label(type, code)
  return label !== String(code) ? label : viewLabel || label
}
