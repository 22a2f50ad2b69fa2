// Labels and options of the registry (hospitals, teams, workers and families). The API sends labels
// with every view; these are for filters and forms, and mirror the backend enums.

const options = (labels) => Object.freeze(Object.entries(labels).map(([value, label]) => ({ value, label })))

/** Fallback; the API's /hospitals/levels wins where loaded. */
export const HOSPITAL_LEVEL_LABELS = Object.freeze({
  MINISTRY_RUN: '部属',
  PROVINCE_RUN: '省属',
  CITY_RUN: '市属',
  COUNTY_RUN: '县（区）属',
})
export const HOSPITAL_LEVEL_OPTIONS = options(HOSPITAL_LEVEL_LABELS)

export const TEAM_STATUS_LABELS = Object.freeze({ DEPLOYED: '在岗', RETURNED: '已返回' })
export const TEAM_STATUS_OPTIONS = options(TEAM_STATUS_LABELS)

export const CONTACT_ROLE_LABELS = Object.freeze({ LEAD: '领队', LIAISON: '联络员' })
export const CONTACT_ROLE_OPTIONS = options(CONTACT_ROLE_LABELS)

export const GENDER_LABELS = Object.freeze({ MALE: '男', FEMALE: '女' })
export const GENDER_OPTIONS = options(GENDER_LABELS)

export const RELATION_LABELS = Object.freeze({
  PARENT: '父母',
  PARENT_IN_LAW: '公婆/岳父母',
  SPOUSE: '配偶',
  CHILD: '子女',
  GRANDPARENT: '祖父母',
  SIBLING: '兄弟姐妹',
  OTHER: '其他',
})
export const RELATION_OPTIONS = options(RELATION_LABELS)

export const AGE_BAND_LABELS = Object.freeze({
  INFANT: '0–2 岁',
  PRESCHOOL: '3–6 岁',
  PRIMARY: '7–12 岁',
  SECONDARY: '13–18 岁',
  ADULT: '19–59 岁',
  SENIOR: '60–79 岁',
  ELDERLY: '80 岁及以上',
})
export const AGE_BAND_OPTIONS = options(AGE_BAND_LABELS)

/** What a family member needs looking after for: flag → label, in the order they are shown. */
export const MEMBER_FLAGS = Object.freeze([
  { key: 'elderlyAlone', label: '独居老人' },
  { key: 'schoolChild', label: '在校学生' },
  { key: 'chronicIllness', label: '慢性病' },
  { key: 'pregnant', label: '孕产期' },
  { key: 'disabled', label: '残疾' },
])

export function memberFlagLabels(member) {
  return MEMBER_FLAGS.filter((f) => member?.[f.key]).map((f) => f.label)
}

export const YES_NO_OPTIONS = Object.freeze([
  { value: true, label: '是' },
  { value: false, label: '否' },
])

const DIGITS = '零一二三四五六七八九十'

/** 1 → 第一批, 12 → 第十二批, 25 → 第25批 (as the backend's Batches.label). */
export function batchLabel(batch) {
  const n = Number(batch)
  if (batch === null || batch === undefined || batch === '' || !Number.isInteger(n) || n < 1) return ''
  if (n <= 10) return `第${DIGITS[n]}批`
  if (n < 20) return `第十${DIGITS[n - 10]}批`
  return `第${n}批`
}

/** Batches offered in filters: 第一批 … 第十批. */
export const BATCH_OPTIONS = Object.freeze(Array.from({ length: 10 }, (_, i) => ({ value: i + 1, label: batchLabel(i + 1) })))

/** Mainland mobile or landline with area code, after spaces and dashes are dropped (backend Phones.PATTERN). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/
/** 18-digit resident ID (last may be X) or the old 15-digit form. */
export const ID_NUMBER_PATTERN = /^(\d{17}[\dXx]|\d{15})$/

/** A phone as the backend compares it: no spaces, dashes or brackets, no +86 / 0086 prefix. */
export function normalisePhone(raw) {
  if (raw === null || raw === undefined) return ''
  const digits = String(raw).replace(/[\s\-()（）]/g, '')
  if (digits.startsWith('+86')) return digits.slice(3)
  if (digits.startsWith('0086')) return digits.slice(4)
  return digits
}

/** An el-form rule for a phone, optional unless `required`. */
export function phoneRule(label, { required = false } = {}) {
  return {
    validator: (_rule, value, callback) => {
      const phone = normalisePhone(value)
      if (!phone) callback(required ? new Error(`请填写${label}`) : undefined)
      else if (!PHONE_PATTERN.test(phone)) callback(new Error('请填写 11 位手机号或带区号的固定电话'))
      else callback()
    },
    trigger: 'blur',
  }
}

/** Personal data access: what was shown. */
export const DISCLOSED_FIELD_LABELS = Object.freeze({
  OWN_PHONE: '本人电话',
  FAMILY_PHONE: '家属电话',
  HOME_ADDRESS: '家庭地址',
  ID_NUMBER: '身份证号',
  NOTES: '备注',
  FAMILY_ADDRESS: '家庭住址及位置',
  FAMILY_MEMBERS: '家庭成员',
  CONTACT_PHONES: '领队、联络员电话',
  // help requests
  address: '服务地址',
  contactPhone: '联系电话',
  // volunteers
  phone: '手机号',
  idNumber: '身份证号',
})

export const SUBJECT_TYPE_LABELS = Object.freeze({
  MEDICAL_WORKER: '医护人员',
  MEDICAL_TEAM: '医疗队',
  HELP_TICKET: '求助',
  VOLUNTEER: '志愿者',
})
export const SUBJECT_TYPE_OPTIONS = options(SUBJECT_TYPE_LABELS)

/** "OWN_PHONE,NOTES" → ['本人电话', '备注']; unknown codes stay as they are. */
export function disclosedFieldLabels(fields) {
  if (!fields) return []
  return String(fields)
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
    .map((f) => DISCLOSED_FIELD_LABELS[f] || f)
}

/** Common reasons offered as one-click choices in the reveal dialog. */
export const REVEAL_REASON_SUGGESTIONS = Object.freeze(['电话回访家属', '核实登记信息', '安排志愿者上门服务', '修改登记信息'])

/** Mini-program users bound to a family: what they are to it, and how they were bound. */
export const WECHAT_ROLE_LABELS = Object.freeze({
  FAMILY: '家属',
  MEDICAL_WORKER: '医护人员本人',
  TEAM_CONTACT: '医疗队联络人',
})
export const BINDING_SOURCE_LABELS = Object.freeze({
  PHONE: '手机号验证',
  FAMILY_INVITE: '家属邀请码',
  TEAM_INVITE: '医疗队邀请码',
  DEV_LOGIN: '演示登录',
})
