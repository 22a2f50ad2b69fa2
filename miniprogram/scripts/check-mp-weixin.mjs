// Checks the mp-weixin build (dist/build/mp-weixin) against WeChat's rules, after `uni build -p mp-weixin`:
//  1. every page of app.json (main package and subpackages) has its .js, .json, .wxml and .wxss
//     (a page whose source has no <style> gets no .wxss from uni, which WeChat accepts);
//  2. the main package (everything outside a subpackage root) is at most 2 MB;
//  3. no DOM or browser globals in our built code — uni's own runtime (common/vendor.js) guards its
//     uses with `typeof window`, so it is left out, and so is a guarded use anywhere else;
//  4. every mini-program page the backend sends users to (subscribe-message `page`, prompts:
//     `pages/...` literals in backend/src/main/resources/application*.yml and backend/src/main/java)
//     is a page of app.json.
// Exits 1 listing every problem. Usage: node scripts/check-mp-weixin.mjs [buildDir] [repoRoot]
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const build = resolve(process.argv[2] || join(here, '../dist/build/mp-weixin'))
const repo = resolve(process.argv[3] || join(here, '../..'))
const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024
const problems = []

function files(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}
const rel = (path) => relative(build, path).split(sep).join('/')

if (!existsSync(join(build, 'app.json'))) {
  console.error(`check-mp-weixin: no app.json in ${build} — run "uni build -p mp-weixin" first`)
  process.exit(1)
}
const app = JSON.parse(readFileSync(join(build, 'app.json'), 'utf8'))
const subPackages = app.subPackages || app.subpackages || []
const pages = new Set(app.pages || [])
for (const sp of subPackages) for (const p of sp.pages || []) pages.add(`${sp.root.replace(/\/$/, '')}/${p}`)

// 1. every page complete
const source = join(here, '../src')
const hasStyle = (page) => {
  const vue = join(source, `${page}.vue`)
  return !existsSync(vue) || /<style[\s>]/.test(readFileSync(vue, 'utf8'))
}
for (const page of pages) {
  for (const ext of ['js', 'json', 'wxml', 'wxss']) {
    if (ext === 'wxss' && !hasStyle(page)) continue
    if (!existsSync(join(build, `${page}.${ext}`))) problems.push(`page ${page}: ${page}.${ext} is missing`)
  }
}
for (const tab of (app.tabBar && app.tabBar.list) || []) {
  if (!pages.has(tab.pagePath)) problems.push(`tab bar: ${tab.pagePath} is not a page`)
}

// 2. the main package's size
const roots = subPackages.map((sp) => sp.root.replace(/\/$/, '') + '/')
const all = files(build)
const mainFiles = all.filter((f) => !roots.some((r) => rel(f).startsWith(r)))
const mainBytes = mainFiles.reduce((sum, f) => sum + statSync(f).size, 0)
if (mainBytes > MAIN_PACKAGE_LIMIT) {
  const biggest = mainFiles.map((f) => [rel(f), statSync(f).size]).sort((a, b) => b[1] - a[1]).slice(0, 5)
  problems.push(`main package is ${(mainBytes / 1048576).toFixed(2)} MB, over WeChat's 2 MB; biggest: ` +
    biggest.map(([f, s]) => `${f} (${Math.round(s / 1024)} KB)`).join(', '))
}

// 3. no DOM / browser globals in our code
const BROWSER = /(^|[^.\w$'"])(window|document|localStorage|sessionStorage|XMLHttpRequest|HTMLElement|navigator)(?=\s*[.[(])/g
const RUNTIME = new Set(['common/vendor.js'])
for (const f of all.filter((f) => f.endsWith('.js') && !RUNTIME.has(rel(f)))) {
  const code = readFileSync(f, 'utf8')
  for (const m of code.matchAll(BROWSER)) {
    const around = code.slice(Math.max(0, m.index - 80), m.index + m[0].length + 20)
    if (/typeof\s+(window|document|navigator)/.test(around)) continue // a runtime guard
    problems.push(`${rel(f)}: uses the browser's ${m[2]} (not in WeChat): …${around.replace(/\s+/g, ' ')}…`)
  }
}

// 4. pages the backend links to
function backendPageLinks() {
  const found = []
  const resources = join(repo, 'backend/src/main/resources')
  const sources = [
    ...files(resources).filter((f) => /application[^/\\]*\.ya?ml$/.test(f)),
    ...files(join(repo, 'backend/src/main/java')).filter((f) => f.endsWith('.java'))
  ]
  for (const f of sources) {
    const text = readFileSync(f, 'utf8')
    for (const m of text.matchAll(/["'\s:=]\/?(pages\/[A-Za-z0-9_\-/]+)(\?[^"'\s]*)?/g)) {
      found.push({ page: m[1].replace(/\/$/, ''), link: m[1] + (m[2] || ''), where: relative(repo, f) })
    }
  }
  return found
}
const links = backendPageLinks()
for (const { page, link, where } of links) {
  if (!pages.has(page)) problems.push(`${where}: the backend links to ${link}, but ${page} is not a page of app.json`)
}

const summary = `${pages.size} pages, main package ${(mainBytes / 1024).toFixed(0)} KB, ` +
  `${links.length} backend page links (${[...new Set(links.map((l) => l.page))].join(', ') || 'none'})`
if (problems.length) {
  console.error(`check-mp-weixin: ${problems.length} problem(s) in ${build}\n - ` + problems.join('\n - '))
  process.exit(1)
}
console.log(`check-mp-weixin: ok — ${summary}`)
