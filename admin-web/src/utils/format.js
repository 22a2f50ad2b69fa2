/** Backend date-times are Shanghai wall-clock ISO strings without offset: show them as "YYYY-MM-DD HH:mm:ss". */
export function formatDateTime(value) {
  if (!value) return ''
  const text = String(value)
  const m = text.match(/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)/)
  return m ? `${m[1]} ${m[2]}` : text
}
