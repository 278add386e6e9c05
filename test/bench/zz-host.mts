import { startHostProcess } from '/work/wt/perf/test/support/host-process'
import { wsClient, waitForState } from '/work/wt/perf/test/support/clients'
import { writeRouterOutput } from '/work/wt/perf/test/bench/router-output'
writeRouterOutput('/tmp/zz-flood.txt', 20 * 1024 * 1024)
const host = await startHostProcess({})
const client = await wsClient(host.port, host.token)
for (let round = 0; round < 2; round++) {
  const t0 = performance.now()
  let chars = 0, msgs = 0
  const { id } = await client.invoke('session.open', { spec: { kind: 'shell', shell: '/bin/sh', args: ['-c', "stty -onlcr -echo; cat /tmp/zz-flood.txt; sleep 0.3"] }, cols: 120, rows: 40 })
  const stop = client.subscribe('session.data', (p) => { if (p.id === id) { chars += p.data.length; msgs++; void client.invoke('session.ack', { id, chars: p.data.length }).catch(() => undefined) } })
  await waitForState(client, id, (s) => s.state === 'closed', 120_000)
  stop()
  console.log('host alone', ((performance.now() - t0) / 1000).toFixed(2), 's', chars, 'chars', msgs, 'msgs')
}
await client.close(); await host.stop()
