import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { guard } from '@/router'
import { MENU, menuFor, menuFromRoutes } from '@/router/menu'
import { routes } from '@/router/routes'
import { useSessionStore } from '@/stores/session'
import { PERMISSIONS, ROLE } from '@/utils/permission'
import { makeRouter, staffView } from './helpers'

const pages = (menu) => menu.flatMap((item) => item.children || [item])

describe('the menu is read off the routes', () => {
  it('lists every page with meta.menu once, under the title and permission the router checks', () => {
    const router = makeRouter()
    const menuRoutes = router.getRoutes().filter((r) => r.meta.menu)
    expect(pages(MENU).map((p) => p.name).sort()).toEqual(menuRoutes.map((r) => r.name).sort())
    for (const page of pages(MENU)) {
      const route = router.resolve(page.path)
      expect(route.name).toBe(page.name)
      expect(page.title).toBe(route.meta.title)
      expect(page.permission).toBe(route.meta.permission)
      expect(PERMISSIONS[page.permission], `${page.name}: ${page.permission}`).toBeDefined()
    }
  })

  it('places pages in route order and a group where its first page is', () => {
    const view = () => null
    const menu = menuFromRoutes(
      [
        {
          path: '/',
          component: view,
          children: [
            { path: 'a', name: 'a', component: view, meta: { title: 'A', permission: 'p:a', menu: { icon: 'House' } } },
            { path: 'b', name: 'b', component: view, meta: { title: 'B', permission: 'p:b', menu: { group: 'g' } } },
            { path: 'hidden', name: 'hidden', component: view, meta: { title: 'H' } },
            { path: 'c', name: 'c', component: view, meta: { title: 'C', permission: 'p:c', menu: { icon: 'User' } } },
            { path: 'd', name: 'd', component: view, meta: { title: 'D', permission: 'p:d', menu: { group: 'g' } } },
          ],
        },
      ],
      { g: { title: 'G', icon: 'Tickets' } },
    )
    expect(menu).toEqual([
      { name: 'a', path: '/a', title: 'A', permission: 'p:a', icon: 'House' },
      {
        name: 'g',
        title: 'G',
        icon: 'Tickets',
        children: [
          { name: 'b', path: '/b', title: 'B', permission: 'p:b' },
          { name: 'd', path: '/d', title: 'D', permission: 'p:d' },
        ],
      },
      { name: 'c', path: '/c', title: 'C', permission: 'p:c', icon: 'User' },
    ])
  })

  it('refuses a page in a group nobody declared', () => {
    const routeList = [{ path: '/x', name: 'x', meta: { title: 'X', permission: 'p', menu: { group: 'nope' } } }]
    expect(() => menuFromRoutes(routeList, {})).toThrow(/unknown menu group nope/)
  })

  it('keeps the routes in menu order: a group’s pages side by side', () => {
    const groups = routes.flatMap((r) => r.children || [r]).map((r) => r.meta?.menu?.group).filter(Boolean)
    const runs = groups.filter((g, i) => g !== groups[i - 1])
    expect(new Set(runs).size).toBe(runs.length)
  })
})

describe('the menu and the guard agree', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it.each(Object.values(ROLE))('%s: a page is in the menu exactly when the guard lets them open it', async (role) => {
    const session = useSessionStore()
    session.token = 'tok'
    session.staff = staffView({ roles: [role] })
    const router = makeRouter()
    const shown = new Set(pages(menuFor([role])).map((p) => p.name))
    for (const page of pages(MENU)) {
      const allowed = (await guard(router.resolve(page.path))) === true
      expect(allowed, `${role} ${page.name}`).toBe(shown.has(page.name))
    }
  })
})
