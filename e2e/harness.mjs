// The one harness of the end-to-end tests of the admin web (tests/admin.test.mjs) and the H5
// mini-program (tests/mini-*.test.mjs): it starts the real backend (the packaged jar, embedded default
// with demo data) and Debian's Chromium, and takes the screenshots. Nothing is downloaded: the browser
// is /usr/bin/chromium (QN_CHROMIUM), installed by .ci/run.
//
// `npm test` runs run.mjs, which starts the backend once and hands its address to every test file in
// QN_E2E_BASE; a file run on its own (node --test tests/x.test.mjs) starts a backend of its own.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = dirname(fileURLToPath(import.meta.url))
export const repo = resolve(here, '..')
/**
 * Where the tests' screenshots go. A test run writes them under backend/target (cleaned with the
 * build, ignored by git), so `mvn verify` leaves the tree as it found it; the README's pictures in
 * docs/screenshots are rewritten only on demand: QN_REFRESH_SCREENSHOTS=1 (npm run refresh-screenshots).
 */
export const screenshots = process.env.QN_REFRESH_SCREENSHOTS === '1'
  ? resolve(repo, 'docs/screenshots')
  : resolve(repo, 'backend/target/screenshots')
const jar = resolve(repo, 'backend/target/qingnuan.jar')
const browserPath = process.env.QN_CHROMIUM || '/usr/bin/chromium'

/** Whether the suite can run here; in CI a missing browser is a failure, not a skip. */
export function missingPrerequisite() {
  if (!existsSync(jar)) return `backend jar not built: ${jar}`
  if (!existsSync(browserPath)) {
    const reason = `Chromium not found at ${browserPath} (apt-get install -y chromium; .ci/run does)`
    if (process.env.CI === 'true') throw new Error(reason)
    return reason
  }
  return null
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => ok(port))
    })
    server.on('error', fail)
  })
}

/**
 * The backend the tests talk to: { base, stop }. The one run.mjs started (QN_E2E_BASE; stop leaves it
 * running for the other files), or a new one.
 */
export async function startBackend() {
  if (process.env.QN_E2E_BASE) return { base: process.env.QN_E2E_BASE, stop: async () => {} }
  return launchBackend()
}

/** Starts the packaged jar on a free port and waits for its demo data. */
export async function launchBackend() {
  const port = await freePort()
  const log = []
  const child = spawn('java', ['-Xmx384m', '-XX:TieredStopAtLevel=1', '-jar', jar, `--server.port=${port}`], {
    cwd: repo,
    env: { ...process.env, QN_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.on('data', (d) => log.push(d.toString()))
  child.stderr.on('data', (d) => log.push(d.toString()))
  const base = `http://127.0.0.1:${port}`
  // generous: the first start after a build also records a class-data archive, on 2 loaded cores
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`backend exited:\n${log.join('').slice(-4000)}`)
    try {
      const r = await fetch(`${base}/actuator/health`)
      if (r.ok) {
        // the demo registry is written right after start; wait until its workers are there
        await waitForDemoData(base)
        return { base, stop: () => stop(child) }
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  child.kill('SIGKILL')
  throw new Error(`backend not healthy within 180 s:\n${log.join('').slice(-4000)}`)
}

async function waitForDemoData(base) {
  const login = await fetch(`${base}/api/admin/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'qingnuan-demo' }),
  })
  const { token } = await login.json()
  for (let i = 0; i < 100; i++) {
    const r = await fetch(`${base}/api/admin/medical-workers?size=1`, { headers: { Authorization: `Bearer ${token}` } })
    if (r.ok && (await r.json()).total > 0) return
    await new Promise((ok) => setTimeout(ok, 200))
  }
}

function stop(child) {
  return new Promise((ok) => {
    if (child.exitCode !== null) return ok()
    child.on('exit', () => ok())
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), 15_000).unref()
  })
}

export async function launchBrowser() {
  mkdirSync(screenshots, { recursive: true })
  return chromium.launch({
    executablePath: browserPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  })
}

/** Signs in through the login page as a demo account. */
export async function signIn(page, base, username, password = 'qingnuan-demo') {
  await page.goto(`${base}/admin/`)
  await page.getByPlaceholder(/用户名/).fill(username)
  await page.getByPlaceholder(/密码/).fill(password)
  await page.getByRole('button', { name: /登\s*录/ }).click()
}

/** A staff token straight from the API (POST /api/admin/auth/login), for setting things up and checking. */
export async function staffToken(base, username = 'admin', password = 'qingnuan-demo') {
  const login = await fetch(`${base}/api/admin/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!login.ok) throw new Error(`staff sign-in as ${username}: ${login.status} ${await login.text()}`)
  return (await login.json()).token
}

/** Calls the API with a bearer token; resolves to the parsed body, throws on a status other than 2xx. */
export async function api(base, token, method, path, body, headers = {}) {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await r.text()
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`)
  return text ? JSON.parse(text) : null
}

/**
 * Lets pending requests and transitions finish, so screenshots show the page, not its spinner: the
 * network is idle and no finite animation or transition runs (endless spinners do not count).
 */
export async function settle(page) {
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'
    || a.effect?.getComputedTiming().iterations === Infinity), null, { timeout: 30_000, polling: 100 })
}

/**
 * Settles the page and writes screenshots/<name>.png (backend/target/screenshots, or docs/screenshots on
 * refresh). Passing toasts (uni.showToast) are waited out; options.top scrolls to the top first, the
 * rest go to page.screenshot (e.g. fullPage).
 */
export async function shoot(page, name, { top = false, ...options } = {}) {
  await settle(page)
  await page.waitForFunction(() => ![...document.querySelectorAll('.uni-toast, .uni-sample-toast')]
    .some((t) => t.getClientRects().length && getComputedStyle(t).visibility !== 'hidden'), null, { timeout: 30_000 })
  if (top) await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: resolve(screenshots, `${name}.png`), ...options })
}

// --- the H5 mini-program (/m/) ---------------------------------------------------------------------

/** A phone: 390×844, zh-CN, touch. Each context has its own storage, so its own signed-in user. */
export async function phonePage(browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true })
  context.setDefaultTimeout(30_000)
  return context.newPage()
}

/** Signs the H5 in as the demo identity with this label (the home page's picker), e.g. '陈*燕 的家属'. */
export async function miniSignIn(page, base, label) {
  await page.goto(`${base}/m/#/`)
  await page.getByText('选择演示身份').first().waitFor()
  const login = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/mini/auth/dev-login' && r.request().method() === 'POST')
  await page.getByText(label, { exact: true }).click()
  const answer = await login
  if (!answer.ok()) throw new Error(`dev-login as ${label}: ${answer.status()} ${await answer.text()}`)
  await page.locator('.who__label').first().waitFor()
  return answer.json()
}

/** Opens a page of the H5 by its route, e.g. 'pages/tickets/detail?id=3' (a fresh load: the route's onLoad runs). */
export async function miniOpen(page, base, route) {
  await page.goto(`${base}/m/#/${route}`)
  await page.reload()
}

/** The demo identities of the embedded default: [{ role, subjectId, label }]. */
export async function demoUsers(base) {
  return (await fetch(`${base}/api/mini/auth/dev-users`)).json()
}

/** A mini-program token of a demo identity, for setting things up through the API: { token, user }. */
export async function miniToken(base, role, subjectId) {
  const r = await fetch(`${base}/api/mini/auth/dev-login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role, subjectId }),
  })
  if (!r.ok) throw new Error(`dev-login ${role} ${subjectId}: ${r.status} ${await r.text()}`)
  return r.json()
}

/** The uni button with this text (uni renders <uni-button>, which has no ARIA role). */
export function uniButton(page, text) {
  return page.locator('uni-button').filter({ hasText: text }).first()
}

/** The open uni.showModal dialog: { title, content, confirm, cancel } locators. */
export function uniModal(page) {
  const modal = page.locator('.uni-modal').filter({ visible: true }).first()
  return {
    modal,
    title: modal.locator('.uni-modal__title'),
    content: modal.locator('.uni-modal__bd'),
    confirm: modal.locator('.uni-modal__btn_primary'),
    cancel: modal.locator('.uni-modal__btn_default'),
  }
}

/** Photos to upload: JPEGs drawn in the browser's canvas (no image files in the repository). */
export async function jpegPhotos(browser, count) {
  const context = await browser.newContext()
  const page = await context.newPage()
  const urls = await page.evaluate((n) => Array.from({ length: n }, (_, i) => {
    const canvas = document.createElement('canvas')
    canvas.width = 480
    canvas.height = 360
    const g = canvas.getContext('2d')
    g.fillStyle = ['#07c160', '#fa9d3b', '#576b95', '#fa5151'][i % 4]
    g.fillRect(0, 0, 480, 360)
    g.fillStyle = '#ffffff'
    g.font = 'bold 64px sans-serif'
    g.fillText(`照片 ${i + 1}`, 120, 200)
    return canvas.toDataURL('image/jpeg', 0.8)
  }), count)
  await context.close()
  return urls.map((u, i) => ({ name: `photo-${i + 1}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(u.split(',')[1], 'base64') }))
}

/** Waits for the API answer of `method path` (a path or a RegExp on the path) and returns it. */
export function apiAnswer(page, method, path) {
  return page.waitForResponse((r) => {
    const p = new URL(r.url()).pathname
    return r.request().method() === method && (path instanceof RegExp ? path.test(p) : p === path)
  }, { timeout: 60_000 })
}

/**
 * The <input>/<textarea> of a uni input with this placeholder: uni's H5 draws the placeholder as a
 * sibling element, not as the attribute getByPlaceholder reads. Fill it before anything is typed in.
 */
export function uniField(scope, placeholder) {
  const page = typeof scope.page === 'function' ? scope.page() : scope
  return scope.locator('uni-input, uni-textarea')
    .filter({ has: page.locator('.uni-input-placeholder, .uni-textarea-placeholder').filter({ hasText: placeholder }) })
    .locator('input, textarea').first()
}
