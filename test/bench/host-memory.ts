import { CdpConnection, evaluate } from './cdp'

export interface HostMemory {
  readonly rssMb: number
  readonly heapUsedMb: number
}

/**
 * The host process's memory through its Node inspector (the host runs with --inspect=127.0.0.1:0
 * for the bench only): a full GC first, so the heap figure is what is still referenced.
 */
export async function connectHostInspector(output: () => string): Promise<{ memory(): Promise<HostMemory>; close(): void }> {
  const deadline = Date.now() + 30_000
  let url: string | undefined
  while (!(url = /Debugger listening on (ws:\/\/\S+)/.exec(output())?.[1])) {
    if (Date.now() > deadline) throw new Error(`the host printed no inspector URL:\n${output()}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  const cdp = await CdpConnection.connect(url)
  return {
    async memory() {
      await cdp.send('HeapProfiler.collectGarbage')
      const m = await evaluate<{ rss: number; heapUsed: number }>(
        cdp,
        `(() => { const m = process.memoryUsage(); return { rss: m.rss, heapUsed: m.heapUsed } })()`,
      )
      return { rssMb: m.rss / 1048576, heapUsedMb: m.heapUsed / 1048576 }
    },
    close: () => cdp.close(),
  }
}
