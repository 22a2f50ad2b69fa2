// The H5 mini-program (/m/) at a phone's size against the real backend: the phone users' steps through
// the UI, the staff's through the staff API. Each test makes its own request, so none depends on another.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import {
  api, apiAnswer, demoUsers, jpegPhotos, launchBrowser, miniOpen, miniSignIn, miniToken, missingPrerequisite, phonePage,
  shoot, staffToken, startBackend, uniButton, uniField, uniModal,
} from '../harness.mjs'

const skip = missingPrerequisite()
if (skip) console.warn(`end-to-end tests skipped: ${skip}`)

describe('mini-program (H5): flows', { skip: skip ?? false }, () => {
  let backend
  let browser
  let staff
  let users

  before(async () => {
    backend = await startBackend()
    browser = await launchBrowser()
    staff = await staffToken(backend.base, 'admin')
    users = await demoUsers(backend.base)
  })

  after(async () => {
    await browser?.close()
    await backend?.stop()
  })

  const label = (role, n = 0) => {
    const user = users.filter((u) => u.role === role && (role !== 'VOLUNTEER' || u.label.includes('可上岗')))[n]
    assert.ok(user, `the demo has ${role} #${n}`)
    return user
  }
  const staffApi = (method, path, body) => api(backend.base, staff, method, path, body)

  /** Accepts and publishes a request to volunteers, as staff do on the board. */
  async function acceptAndOpen(id) {
    await staffApi('POST', `/api/admin/tickets/${id}/accept`, { note: '已电话联系家属，发布给附近志愿者' })
    const opened = await staffApi('POST', `/api/admin/tickets/${id}/open`, { note: null })
    assert.equal(opened.status, 'OPEN')
  }

  /** Fills the new-request form: category, text; the rest keeps its defaults (registered address, phone call). */
  async function fillRequest(page, category, description) {
    await page.getByText('需要哪方面的帮助').waitFor()
    await page.locator('.cat').filter({ hasText: category }).click()
    await page.locator('textarea').first().fill(description)
  }

  it('takes a family\'s request with 2 photos through acceptance, a volunteer\'s claim and completion to the family\'s rating', async () => {
    const family = label('FAMILY', 0)
    const volunteer = label('VOLUNTEER', 1) // Guangzhou (越秀区), no demo tasks in hand
    const description = `家里老人需要代买一周的米面和蔬菜（${randomUUID().slice(0, 8)}）`

    // the family: 我要求助 → category, text, two photos (to the embedded OSS stand-in) → 提交求助
    const home = await phonePage(browser)
    await miniSignIn(home, backend.base, family.label)
    await home.getByText('我要求助').first().click()
    await fillRequest(home, '代购代办', description)
    const photos = await jpegPhotos(browser, 2)
    const uploads = []
    home.on('response', (r) => {
      if (new URL(r.url()).pathname === '/embedded/oss/qingnuan-demo' && r.request().method() === 'POST') uploads.push(r.status())
    })
    const [chooser] = await Promise.all([home.waitForEvent('filechooser'), home.locator('.photo--add').click()])
    await chooser.setFiles(photos)
    await home.waitForFunction(() => document.querySelectorAll('.photo__img').length === 2 && !document.querySelector('.photo__mask'),
      null, { timeout: 60_000 })
    assert.deepEqual(uploads.map((s) => s >= 200 && s < 300), [true, true], 'both photos went to the OSS stand-in')
    await shoot(home, 'mini-tickets-new', { fullPage: true })
    const submitted = apiAnswer(home, 'POST', '/api/mini/tickets')
    await uniButton(home, '提交求助').click()
    const answer = await submitted
    assert.equal(answer.status(), 201)
    const { id } = await answer.json()
    // no subscribe messages on H5: the request's detail opens, with both photos
    await home.waitForURL(new RegExp(`pages/tickets/detail\\?id=${id}`))
    await home.locator('.photos .photo').nth(1).waitFor()
    assert.equal(await home.locator('.photos .photo').count(), 2)

    // staff accept it and publish it to volunteers
    await acceptAndOpen(id)

    // a ready volunteer nearby: 附近任务 → the task → 认领 → 开始服务 → 提交完成 with a note
    const phone = await phonePage(browser)
    await miniSignIn(phone, backend.base, volunteer.label)
    const nearby = apiAnswer(phone, 'GET', '/api/mini/volunteer/tasks/nearby')
    await phone.getByText('附近任务').first().click()
    assert.equal((await nearby).status(), 200)
    const item = phone.locator('.uni-list-item').filter({ hasText: description })
    await item.waitFor()
    await shoot(phone, 'mini-volunteer-tasks')
    await item.click()
    await uniButton(phone, '认领这个任务').waitFor()
    await shoot(phone, 'mini-volunteer-task')
    const claimed = apiAnswer(phone, 'POST', `/api/mini/volunteer/tasks/${id}/claim`)
    await uniButton(phone, '认领这个任务').click()
    assert.equal((await claimed).status(), 200)
    await uniButton(phone, '开始服务').click()
    const started = apiAnswer(phone, 'POST', `/api/mini/volunteer/tasks/${id}/start`)
    await uniModal(phone).confirm.click()
    assert.equal((await started).status(), 200)
    const note = '已把米面和蔬菜送到家门口，老人身体不错'
    await uniField(phone, /服务情况/).fill(note)
    await shoot(phone, 'mini-volunteer-complete', { fullPage: true })
    const completed = apiAnswer(phone, 'POST', `/api/mini/volunteer/tasks/${id}/complete`)
    await uniButton(phone, '提交完成').click()
    assert.equal((await completed).status(), 200)
    await phone.waitForURL(/pages\/volunteer\/mine/)
    await phone.context().close()

    // the family: the detail shows the volunteer's note; 确认完成并评价 with 5 stars and a comment
    await miniOpen(home, backend.base, `pages/tickets/detail?id=${id}`)
    await home.getByText(note, { exact: true }).waitFor()
    await uniButton(home, '确认完成并评价').click()
    const stars = home.locator('.sheet .uni-rate__icon')
    await stars.nth(4).click()
    if (!(await home.getByText('5 星').isVisible())) await stars.nth(4).tap() // uni-rate listens to touches on phones
    await home.getByText('5 星').waitFor()
    await home.locator('.sheet textarea').fill('志愿者很细心，谢谢！')
    await shoot(home, 'mini-tickets-rate')
    const confirmed = apiAnswer(home, 'POST', `/api/mini/tickets/${id}/confirm`)
    await uniButton(home, '提交评价').click()
    assert.equal((await confirmed).status(), 200)
    await home.getByText('我的评价').waitFor()

    // staff see it confirmed, rated, with its two photos
    const final = await staffApi('GET', `/api/admin/tickets/${id}`)
    assert.equal(final.status, 'CONFIRMED')
    assert.equal(final.rating, 5)
    assert.equal(final.ratingComment, '志愿者很细心，谢谢！')
    assert.equal(final.doneNote, note)
    assert.equal(final.photoUrls.length, 2)
    await shoot(home, 'mini-tickets-detail', { fullPage: true })
    await home.context().close()
  })

  it('gives a task to exactly one of two volunteers pressing 认领 at the same moment', async () => {
    // a family's request through the API, accepted and published by staff
    const family = label('FAMILY', 1)
    const { token } = await miniToken(backend.base, 'FAMILY', family.subjectId)
    const description = `孩子网课需要一位老师辅导数学（${randomUUID().slice(0, 8)}）`
    const ticket = await api(backend.base, token, 'POST', '/api/mini/tickets',
      { familyId: family.subjectId, category: 'TUTORING', description, contactMethod: 'PHONE_CALL' }, { 'Idempotency-Key': randomUUID() })
    await acceptAndOpen(ticket.id)

    // two ready volunteers of Guangzhou open the same task on their phones
    const racers = [label('VOLUNTEER', 0), label('VOLUNTEER', 1)]
    const pages = []
    for (const racer of racers) {
      const page = await phonePage(browser)
      await miniSignIn(page, backend.base, racer.label)
      await miniOpen(page, backend.base, `pages/volunteer/task?id=${ticket.id}`)
      await page.getByText(description).waitFor()
      await uniButton(page, '认领这个任务').waitFor()
      pages.push(page)
    }

    // both press 认领 at once
    const answers = pages.map((p) => apiAnswer(p, 'POST', `/api/mini/volunteer/tasks/${ticket.id}/claim`))
    await Promise.all(pages.map((p) => uniButton(p, '认领这个任务').click()))
    const results = await Promise.all(answers)
    const statuses = results.map((r) => r.status()).sort()
    assert.deepEqual(statuses, [200, 409], 'exactly one claim succeeds')
    const winner = results.findIndex((r) => r.status() === 200)
    const loser = 1 - winner
    const refusal = await results[loser].json()

    // the winner holds it; the loser sees the server's Chinese message as it is, in a modal
    await pages[winner].getByText('我认领的').waitFor()
    const modal = uniModal(pages[loser])
    await modal.title.filter({ hasText: '没有认领成功' }).waitFor()
    assert.equal((await modal.content.innerText()).trim(), refusal.message)
    assert.match(refusal.message, /认领/)
    await shoot(pages[loser], 'mini-volunteer-claim-lost')

    // staff see one claimer
    const claimedView = await staffApi('GET', `/api/admin/tickets/${ticket.id}`)
    assert.equal(claimedView.status, 'CLAIMED')
    const claims = claimedView.history.filter((e) => e.action === 'CLAIM')
    assert.equal(claims.length, 1, 'one claim in the history')

    // the winner gives it back, so the demo volunteers keep room for other tests
    const { token: winnerToken } = await miniToken(backend.base, 'VOLUNTEER', racers[winner].subjectId)
    await api(backend.base, winnerToken, 'POST', `/api/mini/volunteer/tasks/${ticket.id}/release`, { reason: '测试结束，退回任务' })
    for (const p of pages) await p.context().close()
  })

  it('takes a team lead\'s report of 3 items from the page the daily prompt opens', async () => {
    const contact = label('TEAM_CONTACT', 0)
    const page = await phonePage(browser)
    await miniSignIn(page, backend.base, contact.label)
    // the official account's template message opens pages/report/index?teamId=
    const loaded = apiAnswer(page, 'GET', `/api/mini/teams/${contact.subjectId}/reports`)
    await miniOpen(page, backend.base, `pages/report/index?teamId=${contact.subjectId}`)
    await loaded
    await page.getByText('前方需求').first().waitFor()
    const rows = page.locator('.row')
    const supply = async (i, name, quantity, unit) => {
      await uniField(rows.nth(i), /名称/).fill(name)
      await uniField(rows.nth(i), '数量').fill(String(quantity))
      await uniField(rows.nth(i), /单位/).fill(unit)
    }
    await supply(0, 'N95 口罩', 2000, '个')
    await page.getByText('添加物资').click()
    await supply(1, '防护服', 300, '套')
    await page.getByText('添加需求').click()
    await uniField(page, '需求 1').fill('队员家中老人需要每周代购一次')
    const sent = apiAnswer(page, 'POST', `/api/mini/teams/${contact.subjectId}/reports`)
    await uniButton(page, '提交今日需求').click()
    const answer = await sent
    assert.ok(answer.ok(), `report answered ${answer.status()}`)
    await page.waitForURL(/pages\/report\/history/)

    const reports = await staffApi('GET', `/api/admin/medical-teams/${contact.subjectId}/reports`)
    const latest = reports[0]
    assert.equal(latest.items.length, 3)
    assert.deepEqual(latest.items.map((i) => i.name).sort(), ['N95 口罩', '防护服', '队员家中老人需要每周代购一次'].sort())
    await page.context().close()
  })

  it('makes one request of a submission retried after its answer was lost', async () => {
    const family = label('FAMILY', 2)
    const description = `想请人帮忙接送孩子去医院复诊（${randomUUID().slice(0, 8)}）`
    const page = await phonePage(browser)
    await miniSignIn(page, backend.base, family.label)
    await miniOpen(page, backend.base, 'pages/tickets/new')
    await fillRequest(page, '交通出行', description)

    // the first POST reaches the server, its answer never reaches the phone; later ones pass
    const keys = []
    let dropped = 0
    await page.route('**/api/mini/tickets', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback()
      keys.push(route.request().headers()['idempotency-key'])
      if (dropped === 0) {
        dropped++
        const reached = await route.fetch()
        assert.equal(reached.status(), 201, 'the first try did create the request')
        return route.abort('connectionreset')
      }
      return route.continue()
    })
    await uniButton(page, '提交求助').click()
    const modal = uniModal(page)
    await modal.title.filter({ hasText: '没有提交成功' }).waitFor()
    assert.match(await modal.content.innerText(), /网络/)
    assert.equal((await modal.confirm.innerText()).trim(), '重试')
    await shoot(page, 'mini-tickets-retry')

    const retried = apiAnswer(page, 'POST', '/api/mini/tickets')
    await modal.confirm.click()
    const answer = await retried
    assert.ok(answer.ok(), `the retry answered ${answer.status()}`)
    const { id } = await answer.json()
    await page.waitForURL(new RegExp(`pages/tickets/detail\\?id=${id}`))
    assert.equal(keys.length, 2)
    assert.ok(keys[0], 'the submission carries an Idempotency-Key')
    assert.equal(keys[1], keys[0], 'the retry carries the same Idempotency-Key')

    // exactly one request with that text, in the family's list and on the staff board
    const { token } = await miniToken(backend.base, 'FAMILY', family.subjectId)
    const mine = await api(backend.base, token, 'GET', '/api/mini/tickets?size=50')
    assert.equal(mine.items.filter((t) => t.description === description).length, 1)
    const board = await staffApi('GET', '/api/admin/tickets?size=100')
    assert.equal(board.items.filter((t) => t.description === description).length, 1)
    await page.context().close()
  })
})
