// Runs @doyensec/electronegativity over the main-process sources and the built renderer page,
// and fails on HIGH findings. The tool itself exits 0 whatever it finds, so its CSV report is
// parsed here. It scans a staging copy so node_modules is not crawled.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
// An optional argument scans another sources folder instead of electron/ (the tests use it).
const sources = path.resolve(process.argv[2] ?? path.join(root, 'electron'))
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-electronegativity-'))
fs.cpSync(sources, path.join(stage, 'electron'), { recursive: true, filter: (src) => !src.endsWith('.test.ts') })
const html = path.join(root, 'out', 'renderer', 'index.html')
if (fs.existsSync(html)) fs.copyFileSync(html, path.join(stage, 'index.html'))
else console.warn('electronegativity: out/renderer/index.html missing (run npm run build first); CSP checks see no page')

const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
const report = path.join(stage, 'report.csv')
const bin = path.join(root, 'node_modules', '.bin', 'electronegativity')
const run = spawnSync(bin, ['-i', stage, '-o', report, '-r', '-e', electronVersion, '-v', 'false'], {
  encoding: 'utf8',
  env: { ...process.env, NO_COLOR: '1' },
})
if (!fs.existsSync(report)) {
  console.error(`electronegativity produced no report:\n${run.stdout}\n${run.stderr}`)
  process.exit(1)
}

// Quoted fields may hold commas and line breaks (a finding's code sample): parse the whole text.
function parseCsv(text) {
  const rows = []
  let row = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell.trim())
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(cell.trim())
      if (row.some((c) => c !== '')) rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  row.push(cell.trim())
  if (row.some((c) => c !== '')) rows.push(row)
  return rows
}

const rows = parseCsv(fs.readFileSync(report, 'utf8'))
  .slice(1)
  .filter((cells) => cells.length >= 7)
const findings = rows.map(([issue, severity, confidence, file, location, , description]) => ({
  issue,
  severity,
  confidence,
  file,
  location,
  description,
}))
const high = findings.filter((f) => f.severity === 'HIGH')
for (const f of findings) console.log(`electronegativity: ${f.severity.padEnd(13)} ${f.issue} ${f.file}:${f.location} — ${f.description}`)
fs.rmSync(stage, { recursive: true, force: true })
if (high.length > 0) {
  console.error(`electronegativity: ${high.length} HIGH finding(s): failing the lint step`)
  process.exit(1)
}
console.log(`electronegativity: ${findings.length} finding(s), none HIGH`)
