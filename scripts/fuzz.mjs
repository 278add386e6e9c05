// `npm run fuzz`: the fuzz tier with many more inputs than `npm test` runs, and a fresh seed
// (printed, so a failure can be replayed with FUZZ_SEED=<seed> npm run fuzz).
import { spawnSync } from 'node:child_process'

const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31))
const runs = process.env.FUZZ_RUNS ?? '3000'
console.log(`fuzz: seed ${seed}, ${runs} inputs per target`)
const result = spawnSync('npx', ['vitest', 'run', 'test/fuzz', '--maxWorkers=1'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs },
})
process.exit(result.status ?? 1)
