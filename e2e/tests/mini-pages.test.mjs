// Every page of the H5 mini-program (src/pages.json) at a phone's size, in a meaningful state, as
// screenshots mini-*.png (backend/target/screenshots, or docs/screenshots with QN_REFRESH_SCREENSHOTS=1).
// The pages the flows walk through (new request, rating, the volunteer's task) are taken in mini-flows.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import {
  api, apiAnswer, demoUsers, launchBrowser, miniOpen, miniSignIn, miniToken, missingPrerequisite, phonePage, shoot,
  staffToken, startBackend, uniButton, uniField,
} from '../harness.mjs'

const skip = missingPrerequisite()
if (skip) console.warn(`end-to-end tests skipped: ${skip}`)

describe('mini-program (H5): every page', { skip: skip ?? false }, () => {
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

  const find = (role, text) => {
    const user = users.find((u) => u.role === role && u.label.includes(text))
    assert.ok(user, `the demo has ${role} ${text}`)
    return user
  }
  const families = () => users.filter((u) => u.role === 'FAMILY')

  it('shows the demo picker, then the family\'s home, requests and account pages', async () => {
    const page = await phonePage(browser)
    await page.goto(`${backend.base}/m/#/`)
    await page.getByText('选择演示身份').first().waitFor()
    await page.getByText('演示志愿者', { exact: false }).first().waitFor()
    await shoot(page, 'mini-home-picker')

    // a family with a request of its own (through the API) and a dictionary-labelled list
    const family = families()[3]
    const { token } = await miniToken(backend.base, 'FAMILY', family.subjectId)
    await api(backend.base, token, 'POST', '/api/mini/tickets', {
      familyId: family.subjectId, category: 'MEALS', urgency: 'URGENT', description: '两位老人在家，想请志愿者帮忙送几天午饭',
      contactMethod: 'PHONE_CALL',
    }, { 'Idempotency-Key': randomUUID() })
    await miniSignIn(page, backend.base, family.label)
    await page.getByText('我的求助').first().waitFor()
    await shoot(page, 'mini-home-family')

    const listed = apiAnswer(page, 'GET', '/api/mini/tickets')
    await page.getByText('我的求助').first().click()
    await listed
    await page.getByText('两位老人在家').first().waitFor()
    await shoot(page, 'mini-tickets-index')

    await miniOpen(page, backend.base, 'pages/me/index')
    await page.getByText('退出登录').waitFor()
    await shoot(page, 'mini-me')

    await miniOpen(page, backend.base, 'pages/account/bind')
    await page.getByText(/邀请码/).first().waitFor()
    await shoot(page, 'mini-account-bind')
    await page.context().close()
  })

  it('lets a medical worker who also holds the family\'s role choose one', async () => {
    // the worker binds the family's phone (the WeChat stand-in's demo phone code): two roles
    const worker = users.filter((u) => u.role === 'MEDICAL_WORKER')[4]
    const { token } = await miniToken(backend.base, 'MEDICAL_WORKER', worker.subjectId)
    const phone = `1370000${String(worker.subjectId).padStart(4, '0')}`
    const me = await api(backend.base, token, 'POST', '/api/mini/me/phone', { code: `demo-phone-${phone}` })
    assert.ok(me.roles.length >= 2, `two roles after binding: ${JSON.stringify(me.roles)}`)

    const page = await phonePage(browser)
    await miniSignIn(page, backend.base, worker.label)
    await miniOpen(page, backend.base, 'pages/account/role')
    await page.getByText('医护人员').first().waitFor()
    await page.locator('.uni-list-item').nth(1).waitFor()
    await shoot(page, 'mini-account-role')
    await page.context().close()
  })

  it('shows the stories and one story', async () => {
    // a story about a volunteer is published only with their consent: the demo's 周晓雨 has agreed
    const volunteers = await api(backend.base, staff, 'GET', '/api/admin/volunteers?size=200')
    const subject = volunteers.items.find((v) => v.name === '周晓雨')
    const story = await api(backend.base, staff, 'POST', '/api/admin/stories', {
      title: '每天一通电话的守护', subjectKind: 'VOLUNTEER', subjectName: '周晓雨', subjectVolunteerId: subject.id,
      body: '疫情期间，志愿者周晓雨每天给三户医护家庭的老人打电话问候，帮忙代买药品和蔬菜。\n她说：“他们在前方守护患者，我们在后方守护他们的家人。”',
      photoKeys: [],
    })
    await api(backend.base, staff, 'POST', `/api/admin/stories/${story.id}/publish`)

    const page = await phonePage(browser)
    await miniSignIn(page, backend.base, families()[0].label)
    const listed = apiAnswer(page, 'GET', /^\/api\/mini\/stories/)
    await miniOpen(page, backend.base, 'pages/stories/index')
    await listed
    await page.getByText('每天一通电话的守护').first().waitFor()
    await shoot(page, 'mini-stories-index')

    await page.getByText('每天一通电话的守护').first().click()
    await page.getByText(/每天给三户医护家庭/).waitFor()
    await shoot(page, 'mini-story-detail')
    await page.context().close()
  })

  it('shows a ready volunteer\'s home, tasks in hand and hours', async () => {
    const page = await phonePage(browser)
    await miniSignIn(page, backend.base, find('VOLUNTEER', '可上岗').label) // holds demo tasks (claimed, started)
    await page.getByText('附近任务').first().waitFor()
    await shoot(page, 'mini-home-volunteer')

    const mine = apiAnswer(page, 'GET', '/api/mini/volunteer/tasks')
    await page.getByText('我的任务').first().click()
    await mine
    await page.locator('.uni-list-item').first().waitFor()
    await shoot(page, 'mini-volunteer-mine')

    const hours = apiAnswer(page, 'GET', '/api/mini/volunteer/hours')
    await miniOpen(page, backend.base, 'pages/volunteer/hours')
    await hours
    await shoot(page, 'mini-volunteer-hours')
    await page.context().close()
  })

  it('shows the duty gate and the protection quiz to a volunteer not yet trained', async () => {
    const page = await phonePage(browser)
    await miniSignIn(page, backend.base, find('VOLUNTEER', '未通过防护培训').label)
    await miniOpen(page, backend.base, 'pages/volunteer/gate')
    await page.getByText('暂不能认领任务').waitFor()
    await shoot(page, 'mini-volunteer-gate')

    const quiz = apiAnswer(page, 'GET', '/api/mini/volunteer/training')
    await miniOpen(page, backend.base, 'pages/volunteer/quiz')
    await quiz
    await page.getByText('服务时口罩应当？').waitFor()
    await shoot(page, 'mini-volunteer-quiz')
    await page.context().close()
  })

  it('shows the volunteer registration form to a family member with a verified phone', async () => {
    const family = families()[5]
    const { token } = await miniToken(backend.base, 'FAMILY', family.subjectId)
    await api(backend.base, token, 'POST', '/api/mini/me/phone', { code: `demo-phone-1370000${String(family.subjectId).padStart(4, '0')}` })

    const page = await phonePage(browser)
    await miniSignIn(page, backend.base, family.label)
    const orgs = apiAnswer(page, 'GET', '/api/mini/volunteer/organisations')
    await miniOpen(page, backend.base, 'pages/volunteer/register')
    await orgs
    await page.getByText('已通过微信验证').waitFor()
    await uniField(page, '与身份证一致').fill('王小明')
    await shoot(page, 'mini-volunteer-register')
    await page.context().close()
  })

  it('shows a team lead\'s home, today\'s report form and the reports with their delivery', async () => {
    const contact = users.filter((u) => u.role === 'TEAM_CONTACT')[1] // the flows report for the first team
    const page = await phonePage(browser)
    await miniSignIn(page, backend.base, contact.label)
    await page.getByText('今日需求').first().waitFor()
    await shoot(page, 'mini-home-team')

    const loaded = apiAnswer(page, 'GET', `/api/mini/teams/${contact.subjectId}/reports`)
    await page.getByText('今日需求').first().click()
    await loaded
    const row = page.locator('.row').first()
    await uniField(row, /名称/).fill('医用外科口罩')
    await uniField(row, '数量').fill('5000')
    await uniField(row, /单位/).fill('个')
    await page.getByText('添加需求').click()
    await uniField(page, '需求 1').fill('需要心理疏导')
    await shoot(page, 'mini-report-index')

    const sent = apiAnswer(page, 'POST', `/api/mini/teams/${contact.subjectId}/reports`)
    await uniButton(page, '提交今日需求').click()
    assert.ok((await sent).ok())
    await page.waitForURL(/pages\/report\/history/)
    await page.getByText('医用外科口罩').first().waitFor()
    await shoot(page, 'mini-report-history')
    await page.context().close()
  })
})
