// Audit log rows: the server names each action and object in Chinese (actionLabel, targetTypeLabel);
// a code it has no name for is shown as it is.

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

/** The row's action as the server names it (its code when it has no name). */
export function actionLabel(row) {
  return row?.actionLabel || row?.action || ''
}

/** The row's object type as the server names it. */
export function targetLabel(row) {
  return row?.targetTypeLabel || row?.targetType || ''
}

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
