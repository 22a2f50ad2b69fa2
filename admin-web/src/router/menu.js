import { can } from '@/utils/permission'
import { MENU_GROUPS, routes } from './routes'

/**
 * The side menu, read off the routes (`meta.menu`), in their order: a page as
 * `{ name, path, title, icon, permission }`, a group as `{ name, title, icon, children }` where its
 * first page is.
 */
export function menuFromRoutes(routeList, groups = MENU_GROUPS) {
  const menu = []
  const byGroup = new Map()
  const visit = (list, base) => {
    for (const route of list) {
      const path = route.path.startsWith('/') ? route.path : `${base}${route.path}`
      const { menu: place, title, permission } = route.meta || {}
      if (place) {
        const item = { name: route.name, path, title, permission }
        if (!place.group) menu.push({ ...item, icon: place.icon })
        else {
          if (!groups[place.group]) throw new Error(`route ${route.name}: unknown menu group ${place.group}`)
          if (!byGroup.has(place.group)) {
            const group = { name: place.group, ...groups[place.group], children: [] }
            byGroup.set(place.group, group)
            menu.push(group)
          }
          byGroup.get(place.group).children.push(item)
        }
      }
      if (route.children) visit(route.children, path.endsWith('/') ? path : `${path}/`)
    }
  }
  visit(routeList, '/')
  return menu
}

export const MENU = Object.freeze(menuFromRoutes(routes))

/** The menu a member with these roles sees: a page when a role grants its permission, a group when one of its pages shows. */
export function menuFor(roles) {
  return MENU.flatMap((item) => {
    if (!item.children) return can(roles, item.permission) ? [item] : []
    const children = item.children.filter((child) => can(roles, child.permission))
    return children.length ? [{ ...item, children }] : []
  })
}
