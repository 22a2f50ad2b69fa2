// The admin web in a real browser against the real backend: what a league staff member does first.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { resolve } from 'node:path'
import { launchBrowser, missingPrerequisite, screenshots, signIn, startBackend } from '../harness.mjs'

const skip = missingPrerequisite()
if (skip) console.warn(`end-to-end tests skipped: ${skip}`)

describe('admin web', { skip: skip ?? false }, () => {
  let backend
  let browser

  before(async () => {
    backend = await startBackend()
    browser = await launchBrowser()
  })

  after(async () => {
    await browser?.close()
    await backend?.stop()
  })

  /** Lets pending requests and transitions finish, so screenshots show the page, not its spinner. */
  async function settle(page) {
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(400)
  }

  async function desktopPage() {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    return context.newPage()
  }

  it('shows the API message for a wrong password and signs in with the right one', async () => {
    const page = await desktopPage()
    await signIn(page, backend.base, 'admin', 'wrong-password')
    await page.getByText('用户名或密码错误').first().waitFor()
    await settle(page)
    await page.screenshot({ path: resolve(screenshots, '01-login.png') })

    await signIn(page, backend.base, 'admin')
    await page.getByText('省团委超级管理员').first().waitFor()
    await page.context().close()
  })

  it('shows a city admin only their own city in the org tree', async () => {
    const page = await desktopPage()
    await signIn(page, backend.base, 'gz-orgadmin')
    await page.getByText('广州市团委组织管理员').first().waitFor()
    await page.goto(`${backend.base}/admin/#/orgs`)
    await page.getByText('共青团广州市天河区委员会').first().waitFor()
    assert.equal(await page.getByText('共青团深圳市委员会').count(), 0, 'a sibling city must not be visible')
    await settle(page)
    await page.screenshot({ path: resolve(screenshots, '02-orgs.png') })
    await page.context().close()
  })

  it('lists staff accounts of the jurisdiction', async () => {
    const page = await desktopPage()
    await signIn(page, backend.base, 'admin')
    await page.getByText('省团委超级管理员').first().waitFor()
    await page.goto(`${backend.base}/admin/#/staff`)
    await page.getByText('gz-dispatcher').first().waitFor()
    await settle(page)
    await page.screenshot({ path: resolve(screenshots, '03-staff.png') })
    await page.context().close()
  })

  it('imports a registry sheet with one bad row and shows that row\'s error', async () => {
    // the template's example row names a hospital that does not exist: one bad row
    const login = await fetch(`${backend.base}/api/admin/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'gz-dispatcher', password: 'qingnuan-demo' }),
    })
    const { token } = await login.json()
    const template = await fetch(`${backend.base}/api/admin/medical-workers/template`, { headers: { Authorization: `Bearer ${token}` } })
    const file = resolve(tmpdir(), `qingnuan-e2e-${Date.now()}.xlsx`)
    writeFileSync(file, Buffer.from(await template.arrayBuffer()))

    const page = await desktopPage()
    await signIn(page, backend.base, 'gz-dispatcher')
    await page.getByText('广州市团委派单员').first().waitFor()
    await page.goto(`${backend.base}/admin/#/medical-workers`)
    await page.getByText('139****').first().waitFor()
    await settle(page)
    await page.screenshot({ path: resolve(screenshots, '05-medical-workers.png') })

    await page.getByRole('button', { name: '导入' }).click()
    await page.locator('.import-upload input[type=file]').setInputFiles(file)
    await page.getByRole('button', { name: '开始导入' }).click()
    await page.getByText(/发现 1 处错误/).waitFor()
    const row = page.locator('.el-dialog .el-table__row').filter({ hasText: '医院' }).first()
    await row.waitFor()
    assert.match(await row.innerText(), /4[\s\S]*医院[\s\S]*某某医院/)
    await settle(page)
    await page.screenshot({ path: resolve(screenshots, '06-import-errors.png') })
    await page.context().close()
  })

  it('shows the district table like annex 1', async () => {
    const page = await desktopPage()
    await signIn(page, backend.base, 'gz-dispatcher')
    await page.getByText('广州市团委派单员').first().waitFor()
    await page.goto(`${backend.base}/admin/#/statistics`)
    await page.getByText('广州市天河区').first().waitFor()
    await page.getByText('合计').first().waitFor()
    await settle(page)
    await page.screenshot({ path: resolve(screenshots, '07-district-statistics.png') })
    await page.context().close()
  })

  it('stays usable on a tablet', async () => {
    const context = await browser.newContext({ viewport: { width: 820, height: 1180 }, locale: 'zh-CN', isMobile: true, hasTouch: true })
    const page = await context.newPage()
    await signIn(page, backend.base, 'gz-dispatcher')
    await page.getByText('广州市团委派单员').first().waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the tablet screen`)
    await settle(page)
    await page.screenshot({ path: resolve(screenshots, '04-tablet.png') })
    await context.close()
  })
})
