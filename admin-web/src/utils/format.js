/** Backend date-times are Shanghai wall-clock ISO strings without offset: show them as "YYYY-MM-DD HH:mm:ss". */
export function formatDateTime(value) {
  if (!value) return ''
  const text = String(value)
  const m = text.match(/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)/)
  return m ? `${m[1]} ${m[2]}` : text
}

const SHANGHAI = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/**
 * An instant (ISO with offset or Z, e.g. a binding code's expiry) as Beijing time "YYYY-MM-DD HH:mm:ss";
 * strings without an offset are wall-clock already and go through formatDateTime.
 */
export function formatInstant(value) {
  if (!value) return ''
  const text = String(value)
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(text)) return formatDateTime(text)
  const date = new Date(text)
  if (Number.isNaN(date.getTime())) return text
  const parts = Object.fromEntries(SHANGHAI.formatToParts(date).map((p) => [p.type, p.value]))
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
}
