/**
 * Reads the server's KEXINIT straight off the socket: it is the first binary packet after the
 * identification line and travels unencrypted, so it tells exactly what the router offered
 * even when ssh2 gives up after the first list that does not match.
 */
import type { Socket } from 'node:net'

export interface ServerOffer {
  readonly ident: string
  readonly kex: string[]
  readonly serverHostKey: string[]
  readonly cipher: string[]
  readonly hmac: string[]
}

const KEXINIT = 20
/** Enough for any real KEXINIT plus pre-banner lines; past this we stop looking. */
const MAX_BYTES = 256 * 1024

function nameLists(payload: Buffer): string[][] | undefined {
  let offset = 1 + 16
  const lists: string[][] = []
  for (let i = 0; i < 10; i += 1) {
    if (offset + 4 > payload.length) return undefined
    const length = payload.readUInt32BE(offset)
    offset += 4
    if (offset + length > payload.length) return undefined
    const text = payload.toString('latin1', offset, offset + length)
    lists.push(text === '' ? [] : text.split(','))
    offset += length
  }
  return lists
}

/** Parses what has arrived so far; undefined until the whole KEXINIT is there. */
export function parseServerKexInit(data: Buffer): ServerOffer | undefined {
  let start = 0
  let ident: string | undefined
  // Servers may send other lines before "SSH-2.0-…" (RFC 4253 §4.2).
  while (ident === undefined) {
    const end = data.indexOf(0x0a, start)
    if (end < 0) return undefined
    const line = data.toString('latin1', start, end).replace(/\r$/, '')
    start = end + 1
    if (line.startsWith('SSH-')) ident = line
  }
  if (start + 5 > data.length) return undefined
  const packetLength = data.readUInt32BE(start)
  const paddingLength = data.readUInt8(start + 4)
  if (start + 4 + packetLength > data.length) return undefined
  const payload = data.subarray(start + 5, start + 4 + packetLength - paddingLength)
  if (payload[0] !== KEXINIT) return undefined
  const lists = nameLists(payload)
  if (!lists) return undefined
  const [kex = [], serverHostKey = [], cipher = [], , hmac = []] = lists
  return { ident, kex, serverHostKey, cipher, hmac }
}

/** Listens to the socket until the server's KEXINIT has been seen, then stops listening. */
export function watchServerOffer(sock: Socket): { offer(): ServerOffer | undefined } {
  let seen = Buffer.alloc(0)
  let offer: ServerOffer | undefined
  const onData = (chunk: Buffer): void => {
    seen = Buffer.concat([seen, chunk])
    offer = parseServerKexInit(seen)
    if (offer || seen.length > MAX_BYTES) {
      sock.off('data', onData)
      seen = Buffer.alloc(0)
    }
  }
  sock.on('data', onData)
  return { offer: () => offer }
}
