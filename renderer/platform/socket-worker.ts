// The browser host's WebSocket in a dedicated worker. Chromium hands a WebSocket's bytes to the
// thread that owns it a piece at a time, between that thread's other tasks; on the window's
// thread those are xterm's parse slices, so a keystroke's echo queued behind megabytes of another
// tab's flood waited for every piece (echo p95 175 ms during a flood, bench). Here the socket is
// drained at once, and the window receives whole messages, as Electron's IPC delivers them.
import { openSocketLink, type LinkCommand, type LinkEvent, type LinkOptions, type SocketLink, type WorkerReport } from './socket-link'

let link: SocketLink | undefined

self.addEventListener('message', (event: MessageEvent<LinkOptions | LinkCommand>) => {
  const message = event.data
  if (!('t' in message)) {
    link ??= openSocketLink(message, (linkEvent: LinkEvent) => self.postMessage(linkEvent))
    self.postMessage({ t: 'started' } satisfies WorkerReport)
    return
  }
  if (message.t === 'send') link?.send(message.frame)
  else link?.close()
})
