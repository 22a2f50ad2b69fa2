// Client-side mirrors of the backend's input rules (miniprogram-api Patterns), so most mistakes are
// caught before a round trip. The server stays the judge.

/** Names of people, orgs and regions: letters of any script, digits, spaces and ·()（）-_. */
export const NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ·()（）\-_.]*$/u
/** Usernames: a Latin letter first, then letters, digits and . _ - */
export const USERNAME_PATTERN = /^[A-Za-z][A-Za-z0-9._-]*$/

export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 64

/** An el-form rule that checks a (trimmed) name against NAME_PATTERN. */
export function nameRule(message) {
  return {
    validator: (_rule, value, callback) => {
      const text = typeof value === 'string' ? value.trim() : value
      if (text && !NAME_PATTERN.test(text)) callback(new Error(message))
      else callback()
    },
    trigger: 'blur',
  }
}

export const REASON_MIN = 2
export const REASON_MAX = 200

/** An el-form rule for a reason the API keeps (reveals, withdrawals …): required, 2–200 characters, trimmed. */
export function reasonRule(label) {
  return {
    validator: (_rule, value, callback) => {
      const text = (value || '').trim()
      if (!text) callback(new Error(`请填写${label}`))
      else if (text.length < REASON_MIN || text.length > REASON_MAX) callback(new Error(`${label}为 ${REASON_MIN}–${REASON_MAX} 个字`))
      else callback()
    },
    trigger: 'blur',
  }
}

export function passwordRules(label = '密码') {
  return [
    { required: true, message: `请设置${label}`, trigger: 'blur' },
    { min: PASSWORD_MIN, max: PASSWORD_MAX, message: `${label}为 ${PASSWORD_MIN}–${PASSWORD_MAX} 个字符`, trigger: 'blur' },
  ]
}

const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'

/** A random initial password (12 characters, no look-alike characters) for the admin to hand over. */
export function generatePassword(length = 12) {
  const bytes = new Uint32Array(length)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => PASSWORD_ALPHABET[b % PASSWORD_ALPHABET.length]).join('')
}
