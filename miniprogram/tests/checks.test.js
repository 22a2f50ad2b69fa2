// The build checks fail when they should: run against a tampered contract and a broken mp-weixin build.
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const run = (script, ...args) => spawnSync(process.execPath, [join(here, '../scripts', script), ...args], { encoding: 'utf8' })
const snapshot = join(here, '../../miniprogram-api/openapi/mini-openapi.json')

describe('check-contract', () => {
  it('passes on the committed snapshot', () => {
    const r = run('check-contract.mjs')
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })

  it('fails when an operation or a body property the client uses is gone from the contract', () => {
    const doc = JSON.parse(readFileSync(snapshot, 'utf8'))
    delete doc.paths['/api/mini/tickets/{id}/cancel']
    delete doc.components.schemas.SubmitTicketRequest.properties.contactPhone
    delete doc.components.schemas['SubmitTicketRequest.TimeWindow'].properties.end
    const file = join(mkdtempSync(join(tmpdir(), 'qn-contract-')), 'doc.json')
    writeFileSync(file, JSON.stringify(doc))
    const r = run('check-contract.mjs', file)
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('cancelTicket (POST /api/mini/tickets/{id}/cancel): no such operation')
    expect(r.stderr).toContain('body field "contactPhone" is not in the schema')
    expect(r.stderr).toContain('body field "preferredTime.end" is not in the schema')
  })
})

describe('check-mp-weixin', () => {
  function build({ mainBytes = 10, js = 'Page({})', missing = null, backendLink = 'pages/tickets/detail?id={id}' } = {}) {
    const root = mkdtempSync(join(tmpdir(), 'qn-mp-'))
    const dir = join(root, 'build')
    const page = (p) => {
      mkdirSync(dirname(join(dir, p)), { recursive: true })
      for (const ext of ['js', 'json', 'wxml', 'wxss']) {
        if (`${p}.${ext}` !== missing) writeFileSync(join(dir, `${p}.${ext}`), ext === 'js' ? js : '{}')
      }
    }
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'app.json'), JSON.stringify({
      pages: ['pages/index/index'],
      subPackages: [{ root: 'pages/tickets', pages: ['detail'] }]
    }))
    page('pages/index/index')
    page('pages/tickets/detail')
    mkdirSync(join(dir, 'common'))
    writeFileSync(join(dir, 'common/vendor.js'), 'x'.repeat(mainBytes) + ';typeof window!="undefined"&&window.foo')
    const java = join(root, 'backend/src/main/java/x')
    mkdirSync(java, { recursive: true })
    mkdirSync(join(root, 'backend/src/main/resources'), { recursive: true })
    writeFileSync(join(java, 'Notice.java'), `class Notice { String page = "${backendLink}"; }`)
    return run('check-mp-weixin.mjs', dir, root)
  }

  it('passes a complete, small build whose only window use is the runtime', () => {
    const r = build()
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })

  it('fails on a missing page file, a DOM call, a big main package and a page the backend links to but the app lacks', () => {
    expect(build({ missing: 'pages/tickets/detail.wxml' }).stderr).toContain('pages/tickets/detail.wxml is missing')
    expect(build({ js: 'Page({onLoad(){document.title="x"}})' }).stderr).toContain("uses the browser's document")
    expect(build({ mainBytes: 2 * 1024 * 1024 + 1 }).stderr).toContain("over WeChat's 2 MB")
    const r = build({ backendLink: 'pages/report/index?teamId={teamId}' })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('links to pages/report/index?teamId={teamId}')
  })
})
