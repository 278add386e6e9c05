// npm run bench (after the build): runs the console benchmark in TypeScript through tsx.
import { spawn } from 'node:child_process'

const child = spawn('npx', ['tsx', 'test/bench/run.ts'], { stdio: 'inherit' })
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0)
})
