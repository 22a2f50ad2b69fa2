// An ApiError's fieldErrors ([{field, message}]) as a map for showing each under its field.

export function fieldErrorMap(error) {
  const out = {}
  for (const f of (error && error.fieldErrors) || []) if (f && f.field && !out[f.field]) out[f.field] = f.message
  return out
}

/** One line from an ApiError: its message, then each field's reason when there are any. */
export function errorLines(error) {
  if (!error) return []
  const lines = [error.message]
  for (const f of error.fieldErrors || []) if (f && f.message && f.message !== error.message) lines.push(f.message)
  return lines
}
