// Chinese labels for audit log codes; unknown codes are shown as they are.

export const AUDIT_ACTION_LABELS = Object.freeze({
  ORG_CREATED: '新建组织',
  ORG_UPDATED: '修改组织',
  STAFF_CREATED: '新建账号',
  STAFF_UPDATED: '修改账号',
  STAFF_DISABLED: '停用账号',
  STAFF_ENABLED: '启用账号',
  STAFF_PASSWORD_RESET: '重置密码',
  PASSWORD_CHANGED: '修改密码',
  LOGIN_SUCCEEDED: '登录成功',
  LOGIN_FAILED: '登录失败',
  ACCOUNT_LOCKED: '账号锁定',
  LOGOUT: '退出登录',
  HOSPITAL_CREATED: '登记医院',
  HOSPITAL_UPDATED: '修改医院',
  TEAM_CREATED: '登记医疗队',
  TEAM_UPDATED: '修改医疗队',
  WORKER_CREATED: '登记医护人员',
  WORKER_UPDATED: '修改医护人员',
  FAMILY_UPDATED: '修改家庭信息',
  WORKERS_IMPORTED: '导入医护人员',
  TEAM_INVITE_CODE_ISSUED: '生成医疗队邀请码',
  FAMILY_INVITE_ISSUED: '生成家属邀请码',
  DUTY_EXPERT_ADDED: '添加值班专家',
  DUTY_EXPERT_REMOVED: '移除值班专家',
  VOLUNTEER_APPROVED: '志愿者审核通过',
  VOLUNTEER_REJECTED: '志愿者审核不通过',
  VOLUNTEER_INSURANCE_RECORDED: '登记志愿者保险',
  PAIRING_CREATED: '手拉手结对',
  PAIRING_ENDED: '结束结对',
  CARE_PLAN_CREATED: '新建一家一策计划',
  CARE_PLAN_STOPPED: '停止一家一策计划',
  STAFF_WECHAT_BOUND: '绑定微信',
  STAFF_WECHAT_UNBOUND: '解除微信绑定',
  DEMAND_ITEM_CLOSED: '办结医疗队需求',
  SERVICE_HOURS_REVIEWED: '核实服务时长',
})

export const AUDIT_TARGET_LABELS = Object.freeze({
  ORG: '组织',
  STAFF: '账号',
  HOSPITAL: '医院',
  MEDICAL_TEAM: '医疗队',
  MEDICAL_WORKER: '医护人员',
  FAMILY: '家庭',
  DUTY_EXPERT: '值班专家',
  VOLUNTEER: '志愿者',
})

const DETAIL_KEY_LABELS = {
  name: '名称',
  type: '类型',
  parentId: '上级组织ID',
  region: '所在地区',
  root: '根组织',
  username: '用户名',
  displayName: '姓名',
  roles: '角色',
  until: '锁定至',
  status: '状态',
  hospitalId: '医院ID',
  workerId: '医护人员ID',
  members: '家庭成员数',
  level: '隶属层级',
  orgId: '组织ID',
  rows: '行数',
  created: '新增',
  updated: '更新',
  skipped: '跳过',
  volunteerId: '志愿者ID',
  kind: '结对人身份',
  reason: '原因',
  planId: '计划ID',
}

export function actionLabel(code) {
  return AUDIT_ACTION_LABELS[code] || code || ''
}

export function targetLabel(code) {
  return AUDIT_TARGET_LABELS[code] || code || ''
}

/** Options for the action filter: every known code with its label. */
export const AUDIT_ACTION_OPTIONS = Object.freeze(
  Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label })),
)

/** Audit detail (a JSON object as a string) as [{key, label, value}] rows; raw text when it is not JSON. */
export function detailEntries(detail) {
  if (detail === null || detail === undefined || detail === '') return []
  let parsed
  try {
    parsed = JSON.parse(detail)
  } catch {
    return [{ key: '', label: '', value: String(detail) }]
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return [{ key: '', label: '', value: typeof parsed === 'string' ? parsed : JSON.stringify(parsed) }]
  }
  return Object.entries(parsed).map(([key, value]) => ({
    key,
    label: DETAIL_KEY_LABELS[key] || key,
    value: typeof value === 'boolean' ? (value ? '是' : '否') : typeof value === 'object' ? JSON.stringify(value) : String(value),
  }))
}
