// `npm test`: starts the backend once (startup is slow on 2 cores), runs every test file against it
// (QN_E2E_BASE), one file at a time, then stops it. Without the jar or the browser the files skip
// themselves (harness.missingPrerequisite), so the backend is not started then either.
import { spawn } from 'node:child_process'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { launchBackend, missingPrerequisite } from './harness.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const files = process.argv.slice(2)

let backend = null
if (!missingPrerequisite()) {
  backend = await launchBackend()
  console.log(`backend started at ${backend.base}`)
}
// Ctrl-C or a killed build: take the backend down too
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await backend?.stop()
    process.exit(130)
  })
}
const code = await new Promise((ok) => {
  const child = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...(files.length ? files : ['tests/'])], {
    cwd: here,
    env: { ...process.env, ...(backend ? { QN_E2E_BASE: backend.base } : {}) },
    stdio: 'inherit',
  })
  child.on('exit', (c, signal) => ok(c ?? (signal ? 1 : 0)))
})
await backend?.stop()
process.exit(code)
