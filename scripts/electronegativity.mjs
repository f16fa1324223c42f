// Static Electron security scan (@doyensec/electronegativity) over the shell and preload sources.
// Its CLI breaks against the hoisted commander, so it is driven through its programmatic API.
// Every finding fails the run unless .electronegativity.json justifies it by check id.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const run = require('@doyensec/electronegativity')
const electronVersion = require('electron/package.json').version
const justified = JSON.parse(readFileSync('.electronegativity.json', 'utf8')).justified

const result = await run({
  input: 'src',
  electronVersionOverride: electronVersion,
  isRelative: true,
  parserPlugins: []
})
const open = []
for (const issue of result.issues) {
  const reason = justified[issue.id]
  const where = `${issue.file}:${issue.location?.line ?? '?'}`
  if (reason) {
    console.log(`justified  ${issue.id} ${where} — ${reason}`)
  } else {
    open.push(issue)
    console.log(`FINDING    ${issue.id} ${where} — ${issue.description ?? ''}`)
  }
}
console.log(
  `electronegativity ${result.issues.length} finding(s) over src (electron ${electronVersion}), ${open.length} unjustified`
)
process.exit(open.length === 0 ? 0 : 1)
