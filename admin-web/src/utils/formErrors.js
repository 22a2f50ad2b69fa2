import { reactive } from 'vue'

/**
 * Server-side field errors for one form: bind `errors.<field>` to `<el-form-item :error>`.
 * `apply(apiError)` shows the API's fieldErrors on the matching fields and returns the ones that
 * matched no field (their text is in the general message the request wrapper already showed).
 * `codeFields` maps error codes that come without fieldErrors to the field they are about,
 * e.g. `{ ORG_NAME_TAKEN: 'name' }`: the error's message is then shown on that field.
 */
export function useFieldErrors(fields, codeFields = {}) {
  const errors = reactive(Object.fromEntries(fields.map((f) => [f, ''])))

  function clear() {
    for (const f of fields) errors[f] = ''
  }

  function apply(apiError) {
    clear()
    const unmatched = []
    for (const fe of apiError?.fieldErrors || []) {
      if (fields.includes(fe.field)) {
        errors[fe.field] = errors[fe.field] ? `${errors[fe.field]}；${fe.message}` : fe.message
      } else {
        unmatched.push(fe)
      }
    }
    const codeField = codeFields[apiError?.code]
    if (codeField && fields.includes(codeField) && !errors[codeField]) {
      errors[codeField] = apiError.message
    }
    return unmatched
  }

  return { errors, apply, clear }
}

/**
 * Field errors of the rows of a sub-form (e.g. a team's contacts): `contacts[1].phone` becomes
 * `{ '1.phone': message }`; errors about the list as a whole (`contacts`) come as `{ '': message }`.
 * Bind `rowErrors[`${index}.phone`]` to the cell's `<el-form-item :error>`.
 */
export function rowFieldErrors(fieldErrors, listName) {
  const result = {}
  for (const fe of fieldErrors || []) {
    const field = String(fe?.field ?? '')
    let key = null
    if (field === listName) key = ''
    else {
      const m = field.match(/^(\w+)\[(\d+)\](?:\.(\w+))?$/)
      if (m && m[1] === listName) key = m[3] ? `${m[2]}.${m[3]}` : m[2]
    }
    if (key === null) continue
    result[key] = result[key] ? `${result[key]}；${fe.message}` : fe.message
  }
  return result
}
