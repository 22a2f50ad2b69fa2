// What a signed-in staff member may see and do. The API enforces all of this anyway; the UI only
// hides what would be refused. Roles add up: a member with several roles may do what any of them may.

export const ROLE = Object.freeze({
  SUPER_ADMIN: 'SUPER_ADMIN',
  ORG_ADMIN: 'ORG_ADMIN',
  DISPATCHER: 'DISPATCHER',
  VIEWER: 'VIEWER',
})

/** Fallback labels; the API's /staff/roles labels win where loaded. */
export const ROLE_LABELS = Object.freeze({
  SUPER_ADMIN: '超级管理员',
  ORG_ADMIN: '组织管理员',
  DISPATCHER: '派单员',
  VIEWER: '查看员',
})

const ALL = Object.values(ROLE)
const ADMINS = [ROLE.SUPER_ADMIN, ROLE.ORG_ADMIN]

export const PERMISSIONS = Object.freeze({
  'dashboard:view': ALL,
  'org:view': ALL,
  'org:manage': ADMINS,
  'staff:view': ALL,
  'staff:manage': ADMINS,
  'audit:view': ADMINS,
})

/** Whether any of the roles grants the permission. Unknown permissions are refused. */
export function can(roles, permission) {
  const allowed = PERMISSIONS[permission]
  if (!allowed || !Array.isArray(roles)) return false
  return roles.some((r) => allowed.includes(r))
}

/** The side menu, in order; `permission` decides who sees an item. */
export const MENU = Object.freeze([
  { name: 'dashboard', path: '/dashboard', title: '工作台', icon: 'House', permission: 'dashboard:view' },
  { name: 'orgs', path: '/orgs', title: '组织机构', icon: 'OfficeBuilding', permission: 'org:view' },
  { name: 'staff', path: '/staff', title: '工作人员', icon: 'User', permission: 'staff:view' },
  { name: 'audit-logs', path: '/audit-logs', title: '操作日志', icon: 'Document', permission: 'audit:view' },
])

export function menuFor(roles) {
  return MENU.filter((item) => can(roles, item.permission))
}

/** The roles `me` may put on an account: only a super admin grants SUPER_ADMIN. */
export function grantableRoles(me, roleOptions) {
  const myRoles = me?.roles || []
  if (!can(myRoles, 'staff:manage')) return []
  const isSuper = myRoles.includes(ROLE.SUPER_ADMIN)
  return roleOptions.filter((o) => isSuper || o.value !== ROLE.SUPER_ADMIN)
}

/** Whether `me` may edit, reset or (dis)able `target`: admins only, and a super admin's account only by a super admin. */
export function canManageStaff(me, target) {
  const myRoles = me?.roles || []
  if (!can(myRoles, 'staff:manage') || !target) return false
  if ((target.roles || []).includes(ROLE.SUPER_ADMIN) && !myRoles.includes(ROLE.SUPER_ADMIN)) return false
  return true
}

/** Nobody disables or enables themselves. */
export function canToggleStaff(me, target) {
  return canManageStaff(me, target) && me.id !== target.id
}

/** Nobody changes their own roles (the name stays editable). */
export function canEditRolesOf(me, target) {
  return canManageStaff(me, target) && me.id !== target.id
}

/** Resetting one's own password would sign oneself out everywhere: use 修改密码 instead. */
export function canResetPasswordOf(me, target) {
  return canManageStaff(me, target) && me.id !== target.id
}
