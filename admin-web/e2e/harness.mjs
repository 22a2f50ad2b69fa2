// Starts the real backend (the packaged jar, embedded default with demo data) and Debian's Chromium
// for the end-to-end tests. Nothing is downloaded: the browser is /usr/bin/chromium (QN_CHROMIUM),
// installed by .ci/run.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = dirname(fileURLToPath(import.meta.url))
export const repo = resolve(here, '../..')
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

export async function startBackend() {
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
  const deadline = Date.now() + 90_000
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
  throw new Error(`backend not healthy within 90 s:\n${log.join('').slice(-4000)}`)
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
