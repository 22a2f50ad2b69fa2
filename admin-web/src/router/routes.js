// The app's pages: one declaration for the router, the guard and the side menu.
// `meta.permission` (a key of PERMISSIONS in utils/permission.js) is checked by the guard and hides the
// menu item; `meta.menu` puts a page in the side menu, in the order of this list: either on its own
// (`icon`) or in a group of MENU_GROUPS (shown where its first page is). Pages without `meta.menu`
// (sign-in, password, not found) are reached otherwise.

/** The side menu's groups; a group shows when one of its pages does. */
export const MENU_GROUPS = Object.freeze({
  'ticket-work': { title: '求助办理', icon: 'Tickets' },
  'volunteer-service': { title: '志愿服务', icon: 'Avatar' },
  registry: { title: '登记管理', icon: 'Notebook' },
})

export const routes = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/login/LoginView.vue'),
    meta: { title: '登录', public: true },
  },
  {
    path: '/',
    component: () => import('@/layout/AdminLayout.vue'),
    redirect: { name: 'dashboard' },
    children: [
      {
        path: 'dashboard',
        name: 'dashboard',
        component: () => import('@/views/dashboard/DashboardView.vue'),
        meta: { title: '工作台', permission: 'dashboard:view', menu: { icon: 'House' } },
      },
      {
        // ?id=… opens that request's detail (alerts link here)
        path: 'tickets',
        name: 'tickets',
        component: () => import('@/views/tickets/TicketsView.vue'),
        meta: { title: '求助工单', permission: 'ticket:view', menu: { group: 'ticket-work' } },
      },
      {
        path: 'intake',
        name: 'intake',
        component: () => import('@/views/intake/IntakeView.vue'),
        meta: { title: '热线受理', permission: 'ticket:intake', menu: { group: 'ticket-work' } },
      },
      {
        path: 'takeovers',
        name: 'takeovers',
        component: () => import('@/views/tickets/TakeoversView.vue'),
        meta: { title: '转办申请', permission: 'takeover:view', menu: { group: 'ticket-work' } },
      },
      {
        path: 'follow-ups',
        name: 'follow-ups',
        component: () => import('@/views/followUps/FollowUpsView.vue'),
        meta: { title: '回访', permission: 'follow-up:view', menu: { group: 'ticket-work' } },
      },
      {
        path: 'ledger',
        name: 'ledger',
        component: () => import('@/views/ledger/LedgerView.vue'),
        meta: { title: '工作台账', permission: 'ledger:view', menu: { group: 'ticket-work' } },
      },
      {
        path: 'duty-experts',
        name: 'duty-experts',
        component: () => import('@/views/dutyExperts/DutyExpertsView.vue'),
        meta: { title: '值班心理专家', permission: 'duty-expert:view', menu: { icon: 'Headset' } },
      },
      {
        path: 'volunteers',
        name: 'volunteers',
        component: () => import('@/views/volunteers/VolunteersView.vue'),
        meta: { title: '志愿者', permission: 'volunteer:view', menu: { group: 'volunteer-service' } },
      },
      {
        path: 'volunteer-hours',
        name: 'volunteer-hours',
        component: () => import('@/views/volunteers/HoursReviewView.vue'),
        meta: { title: '服务时长核实', permission: 'volunteer:view', menu: { group: 'volunteer-service' } },
      },
      {
        path: 'pairings',
        name: 'pairings',
        component: () => import('@/views/pairings/PairingsView.vue'),
        meta: { title: '手拉手结对', permission: 'pairing:view', menu: { group: 'volunteer-service' } },
      },
      {
        path: 'training-questions',
        name: 'training-questions',
        component: () => import('@/views/training/TrainingQuestionsView.vue'),
        meta: { title: '防护培训题库', permission: 'training:view', menu: { group: 'volunteer-service' } },
      },
      {
        path: 'stories',
        name: 'stories',
        component: () => import('@/views/stories/StoriesView.vue'),
        meta: { title: '先进典型', permission: 'story:view', menu: { icon: 'Medal' } },
      },
      {
        path: 'orgs',
        name: 'orgs',
        component: () => import('@/views/orgs/OrgsView.vue'),
        meta: { title: '组织机构', permission: 'org:view', menu: { icon: 'OfficeBuilding' } },
      },
      {
        path: 'staff',
        name: 'staff',
        component: () => import('@/views/staff/StaffView.vue'),
        meta: { title: '工作人员', permission: 'staff:view', menu: { icon: 'User' } },
      },
      {
        path: 'hospitals',
        name: 'hospitals',
        component: () => import('@/views/hospitals/HospitalsView.vue'),
        meta: { title: '医院', permission: 'hospital:view', menu: { group: 'registry' } },
      },
      {
        path: 'medical-teams',
        name: 'medical-teams',
        component: () => import('@/views/teams/MedicalTeamsView.vue'),
        meta: { title: '医疗队', permission: 'team:view', menu: { group: 'registry' } },
      },
      {
        path: 'medical-workers',
        name: 'medical-workers',
        component: () => import('@/views/workers/MedicalWorkersView.vue'),
        meta: { title: '医护人员', permission: 'worker:view', menu: { group: 'registry' } },
      },
      {
        path: 'statistics',
        name: 'statistics',
        component: () => import('@/views/statistics/DistrictStatisticsView.vue'),
        meta: { title: '统计表', permission: 'statistics:view', menu: { icon: 'DataAnalysis' } },
      },
      {
        path: 'personal-data-access',
        name: 'personal-data-access',
        component: () => import('@/views/privacy/PersonalDataAccessView.vue'),
        meta: { title: '个人信息查看记录', permission: 'personal-data-access:view', menu: { icon: 'View' } },
      },
      {
        path: 'audit-logs',
        name: 'audit-logs',
        component: () => import('@/views/audit/AuditLogsView.vue'),
        meta: { title: '操作日志', permission: 'audit:view', menu: { icon: 'Document' } },
      },
      {
        // embedded default only: what its WeChat stand-in recorded (the API answers 404 elsewhere)
        path: 'sent-messages',
        name: 'sent-messages',
        component: () => import('@/views/standIn/SentMessagesView.vue'),
        meta: { title: '消息记录（演示）', permission: 'stand-in:messages', menu: { icon: 'ChatDotRound' } },
      },
      {
        path: 'password',
        name: 'change-password',
        component: () => import('@/views/password/ChangePasswordView.vue'),
        meta: { title: '修改密码' },
      },
    ],
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/NotFoundView.vue'),
    meta: { title: '页面不存在', public: true },
  },
]
