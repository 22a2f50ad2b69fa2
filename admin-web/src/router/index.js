import { createRouter, createWebHashHistory } from 'vue-router'
import { useSessionStore } from '@/stores/session'

// Hash history: the backend serves the build as static files at /admin and needs no fallback route.
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
        meta: { title: '工作台', permission: 'dashboard:view' },
      },
      {
        // ?id=… opens that request's detail (alerts link here)
        path: 'tickets',
        name: 'tickets',
        component: () => import('@/views/tickets/TicketsView.vue'),
        meta: { title: '求助工单', permission: 'ticket:view' },
      },
      {
        path: 'intake',
        name: 'intake',
        component: () => import('@/views/intake/IntakeView.vue'),
        meta: { title: '热线受理', permission: 'ticket:intake' },
      },
      {
        path: 'takeovers',
        name: 'takeovers',
        component: () => import('@/views/tickets/TakeoversView.vue'),
        meta: { title: '转办申请', permission: 'takeover:view' },
      },
      {
        path: 'follow-ups',
        name: 'follow-ups',
        component: () => import('@/views/followUps/FollowUpsView.vue'),
        meta: { title: '回访', permission: 'follow-up:view' },
      },
      {
        path: 'ledger',
        name: 'ledger',
        component: () => import('@/views/ledger/LedgerView.vue'),
        meta: { title: '工作台账', permission: 'ledger:view' },
      },
      {
        path: 'stories',
        name: 'stories',
        component: () => import('@/views/stories/StoriesView.vue'),
        meta: { title: '先进典型', permission: 'story:view' },
      },
      {
        path: 'duty-experts',
        name: 'duty-experts',
        component: () => import('@/views/dutyExperts/DutyExpertsView.vue'),
        meta: { title: '值班心理专家', permission: 'duty-expert:view' },
      },
      {
        path: 'volunteers',
        name: 'volunteers',
        component: () => import('@/views/volunteers/VolunteersView.vue'),
        meta: { title: '志愿者', permission: 'volunteer:view' },
      },
      {
        path: 'pairings',
        name: 'pairings',
        component: () => import('@/views/pairings/PairingsView.vue'),
        meta: { title: '手拉手结对', permission: 'pairing:view' },
      },
      {
        path: 'training-questions',
        name: 'training-questions',
        component: () => import('@/views/training/TrainingQuestionsView.vue'),
        meta: { title: '防护培训题库', permission: 'training:view' },
      },
      {
        path: 'orgs',
        name: 'orgs',
        component: () => import('@/views/orgs/OrgsView.vue'),
        meta: { title: '组织机构', permission: 'org:view' },
      },
      {
        path: 'staff',
        name: 'staff',
        component: () => import('@/views/staff/StaffView.vue'),
        meta: { title: '工作人员', permission: 'staff:view' },
      },
      {
        path: 'hospitals',
        name: 'hospitals',
        component: () => import('@/views/hospitals/HospitalsView.vue'),
        meta: { title: '医院', permission: 'hospital:view' },
      },
      {
        path: 'medical-teams',
        name: 'medical-teams',
        component: () => import('@/views/teams/MedicalTeamsView.vue'),
        meta: { title: '医疗队', permission: 'team:view' },
      },
      {
        path: 'medical-workers',
        name: 'medical-workers',
        component: () => import('@/views/workers/MedicalWorkersView.vue'),
        meta: { title: '医护人员', permission: 'worker:view' },
      },
      {
        path: 'statistics',
        name: 'statistics',
        component: () => import('@/views/statistics/DistrictStatisticsView.vue'),
        meta: { title: '统计表', permission: 'statistics:view' },
      },
      {
        path: 'personal-data-access',
        name: 'personal-data-access',
        component: () => import('@/views/privacy/PersonalDataAccessView.vue'),
        meta: { title: '个人信息查看记录', permission: 'personal-data-access:view' },
      },
      {
        path: 'audit-logs',
        name: 'audit-logs',
        component: () => import('@/views/audit/AuditLogsView.vue'),
        meta: { title: '操作日志', permission: 'audit:view' },
      },
      {
        // embedded default only: what its WeChat stand-in recorded (the API answers 404 elsewhere)
        path: 'sent-messages',
        name: 'sent-messages',
        component: () => import('@/views/standIn/SentMessagesView.vue'),
        meta: { title: '消息记录（演示）', permission: 'stand-in:messages' },
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

/** Only in-app paths are followed after sign-in. */
export function safeRedirect(value) {
  const path = Array.isArray(value) ? value[0] : value
  if (typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/login')) {
    return path
  }
  return { name: 'dashboard' }
}

function loginWithRedirect(to) {
  return { name: 'login', query: to.fullPath && to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
}

/** The navigation rules: sign-in first, then a forced password change, then role permissions. */
export async function guard(to) {
  const session = useSessionStore()

  if (to.meta.public) {
    if (to.name === 'login' && session.token) {
      // already signed in (another tab, a reload): go on if the token still works
      try {
        if (!session.staff) await session.loadMe({ silent: true, skipAuthRedirect: true })
        return safeRedirect(to.query.redirect)
      } catch {
        return true
      }
    }
    return true
  }

  if (!session.token) return loginWithRedirect(to)

  if (!session.staff) {
    try {
      await session.loadMe({ skipAuthRedirect: true })
    } catch {
      // 401: the wrapper dropped the session and said why; otherwise it showed the network error
      return loginWithRedirect(to)
    }
  }

  if (session.mustChangePassword) {
    return to.name === 'change-password' ? true : { name: 'change-password', query: {} }
  }

  if (to.meta.permission && !session.can(to.meta.permission)) {
    return { name: 'dashboard' }
  }
  return true
}

export function createAppRouter(history = createWebHashHistory()) {
  const router = createRouter({ history, routes })
  router.beforeEach(guard)
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · 青暖管理后台` : '青暖管理后台'
  })
  return router
}
