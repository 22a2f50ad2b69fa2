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

function shanghaiParts(date) {
  return Object.fromEntries(SHANGHAI.formatToParts(date).map((p) => [p.type, p.value]))
}

/**
 * A moment as the API's wall-clock LocalDateTime "YYYY-MM-DDTHH:mm:ss" in Beijing time, whatever the
 * browser's time zone (the backend keeps Shanghai wall-clock times).
 */
export function shanghaiDateTime(date = new Date()) {
  const p = shanghaiParts(date)
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`
}

/** Today (or the day of `date`) in Beijing: "YYYY-MM-DD". */
export function shanghaiDate(date = new Date()) {
  return shanghaiDateTime(date).slice(0, 10)
}

/** The calendar day a date picker cell stands for (the browser's own fields): "YYYY-MM-DD". */
export function calendarDate(date) {
  const pad = (n) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

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
  const parts = shanghaiParts(date)
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
}
