// Checks the client's API layer (src/api/*.js) against the mini-program contract, the OpenAPI
// snapshot ../miniprogram-api/openapi/mini-openapi.json:
//  1. every endpoint() the modules export — (method, path) — is an operation of the document;
//  2. the body fields an endpoint declares (what it can send: endpoint() throws on anything else)
//     are properties of the operation's request-body schema, nested ones ('preferredTime.start') too;
//     its query fields are query parameters, or properties of an object-typed query parameter;
//  3. every other '/api/mini/...' literal in src/api (calls made without endpoint(), e.g. the
//     sign-in inside request.js, or a module written with request() directly) is a path of the document.
// The modules are read, not run. Exits 1 listing every problem.
// Usage: node scripts/check-contract.mjs [openapi.json]
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const docPath = resolve(process.argv[2] || join(here, '../../miniprogram-api/openapi/mini-openapi.json'))
const apiDir = join(here, '../src/api')
const problems = []

if (!existsSync(docPath)) {
  console.error(`check-contract: ${docPath} not found (the committed OpenAPI snapshot of /api/mini)`)
  process.exit(1)
}
const doc = JSON.parse(readFileSync(docPath, 'utf8'))

/** '/api/mini/tickets/{id}' and '/api/mini/tickets/{ticketId}' are the same path. */
const shape = (path) => path.replace(/\{[^}]+\}/g, '{}').replace(/\/$/, '')
const operations = new Map()
for (const [path, item] of Object.entries(doc.paths || {})) {
  for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
    if (item[method]) operations.set(`${method.toUpperCase()} ${shape(path)}`, { path, op: item[method], item })
  }
}
// The embedded default's demo sign-in (the H5 without WeChat) is not part of the production contract:
// it exists only with qingnuan.miniprogram.dev-login and never in prod (EmbeddedDefaultIT covers it).
const EMBEDDED_ONLY = [['GET', '/api/mini/auth/dev-users'], ['POST', '/api/mini/auth/dev-login']]
for (const [method, path] of EMBEDDED_ONLY) operations.set(`${method} ${path}`, { path, op: {}, item: {} })
const knownPaths = new Set([...operations.keys()].map((k) => k.split(' ')[1]))

function deref(schema) {
  let s = schema
  const seen = new Set()
  while (s && s.$ref) {
    if (seen.has(s.$ref)) break
    seen.add(s.$ref)
    s = s.$ref.split('/').slice(1).reduce((o, k) => (o ? o[k] : undefined), doc)
  }
  if (s && s.allOf) return { type: 'object', properties: Object.assign({}, ...s.allOf.map((p) => deref(p).properties || {})) }
  return s || {}
}

/** The schema of a dotted field of an object schema, or null when the schema does not know it. */
function fieldSchema(schema, dotted) {
  let s = deref(schema)
  for (const part of dotted.split('.')) {
    if (s.type === 'array' && s.items) s = deref(s.items)
    const props = s.properties || {}
    if (!(part in props)) return null
    s = deref(props[part])
  }
  return s
}

// --- 1 and 2: the declared endpoints ----------------------------------------------------------------
// Read from the source, not imported: `export const name = endpoint('METHOD', '/path', { body: [...] })`.
const modules = readdirSync(apiDir).filter((f) => f.endsWith('.js'))
const ENDPOINT = /export\s+const\s+(\w+)\s*=\s*endpoint\(\s*['"](\w+)['"]\s*,\s*['"`]([^'"`]+)['"`]\s*(?:,\s*(\{[^()]*?\}))?\s*\)/g
const list = (options, key) => {
  const m = options && new RegExp(key + '\\s*:\\s*\\[([^\\]]*)\\]').exec(options)
  return m ? [...m[1].matchAll(/['"]([^'"]+)['"]/g)].map((x) => x[1]) : null
}
let endpoints = 0
for (const file of modules) {
  const text = readFileSync(join(apiDir, file), 'utf8')
  for (const m of text.matchAll(ENDPOINT)) {
    const ep = { method: m[2].toUpperCase(), path: m[3], body: list(m[4], 'body'), query: list(m[4], 'query') }
    endpoints++
    const where = `src/api/${file} ${m[1]} (${ep.method} ${ep.path})`
    const found = operations.get(`${ep.method} ${shape(ep.path)}`)
    if (!found) {
      problems.push(`${where}: no such operation in the contract` +
        (knownPaths.has(shape(ep.path)) ? ' (the path exists with another method)' : ''))
      continue
    }
    const { op, item } = found
    if (ep.body && ep.body.length) {
      const content = (op.requestBody && op.requestBody.content) || {}
      const media = content['application/json'] || Object.values(content)[0]
      if (!media) problems.push(`${where}: sends a body, the operation takes none`)
      else for (const field of ep.body) {
        if (!fieldSchema(media.schema, field)) problems.push(`${where}: body field "${field}" is not in the schema`)
      }
    }
    if (ep.query && ep.query.length) {
      const params = [...(item.parameters || []), ...(op.parameters || [])].map((p) => (p.$ref ? deref(p) : p))
        .filter((p) => p.in === 'query')
      for (const field of ep.query) {
        const direct = params.some((p) => p.name === field)
        const nested = params.some((p) => fieldSchema(p.schema || {}, field))
        if (!direct && !nested) problems.push(`${where}: query parameter "${field}" is not in the contract`)
      }
    }
  }
}

// --- 3: every other literal path in the API layer ---------------------------------------------------
let literals = 0
for (const file of modules) {
  const text = readFileSync(join(apiDir, file), 'utf8')
  for (const m of text.matchAll(/['"`](\/api\/mini\/[^'"`?\s]*)/g)) {
    literals++
    const path = shape(m[1].replace(/\$\{[^}]+\}/g, '{}'))
    if (!knownPaths.has(path)) problems.push(`src/api/${file}: path ${m[1]} is not in the contract`)
  }
}

if (problems.length) {
  console.error(`check-contract: ${problems.length} problem(s) against ${docPath}\n - ` + problems.join('\n - '))
  process.exit(1)
}
console.log(`check-contract: ok — ${endpoints} endpoints and ${literals} path literals of src/api match ${operations.size} operations`)
