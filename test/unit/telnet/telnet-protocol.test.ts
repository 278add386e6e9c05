import { describe, expect, it } from 'vitest'
import {
  MAX_SUBNEGOTIATION,
  OptionNegotiator,
  TelnetDecoder,
  TelnetTransport,
  encodeData,
} from '../../../electron/services/sessions/telnet'
import { SessionInfo, TelnetSpec } from '../../../shared/contract/sessions'

function decode(chunks: number[][], binary = false) {
  const data: number[] = []
  const commands: string[] = []
  const decoder = new TelnetDecoder({
    data: (bytes) => data.push(...bytes),
    negotiation: (verb, option) => commands.push(`${verb}:${option}`),
    subnegotiation: (option, payload) => commands.push(`SB ${option}:${[...payload].join(',')}`),
  })
  decoder.binary = binary
  for (const chunk of chunks) decoder.feed(Uint8Array.from(chunk))
  return { data, commands }
}

describe('telnet decoding (RFC 854)', () => {
  it('takes commands out of the data even when cut between reads', () => {
    const { data, commands } = decode([[65, 255], [251], [1, 66, 255, 250, 24], [1, 255], [240, 67]])
    expect(data).toEqual([65, 66, 67])
    expect(commands).toEqual(['251:1', 'SB 24:1'])
  })

  it('reads IAC IAC as one 255, in data and in subnegotiations', () => {
    const { data, commands } = decode([[255, 255, 1, 255, 250, 44, 1, 255, 255, 255, 240]])
    expect(data).toEqual([255, 1])
    expect(commands).toEqual(['SB 44:1,255'])
  })

  it('reads CR NUL as CR in NVT mode and keeps it in binary mode', () => {
    expect(decode([[13], [0, 10]]).data).toEqual([13, 10])
    expect(decode([[13, 0]], true).data).toEqual([13, 0])
  })

  it('drops a subnegotiation longer than the cap instead of growing without bound', () => {
    const long = new Array<number>(MAX_SUBNEGOTIATION + 10).fill(7)
    const { data, commands } = decode([[255, 250, 24, ...long, 255, 240, 65]])
    expect(commands).toEqual([])
    expect(data).toEqual([65])
  })

  it('survives random bytes from a hostile peer (fixed seed)', () => {
    let seed = 13
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256
    const chunks = Array.from({ length: 500 }, () => Array.from({ length: 1 + (rand() % 64) }, () => (rand() % 3 === 0 ? 255 : rand())))
    expect(() => decode(chunks)).not.toThrow()
  })
})

describe('sending data', () => {
  it('doubles 255 and sends a lone CR as CR NUL in NVT mode, as is in binary mode', () => {
    expect([...encodeData(Uint8Array.from([255, 13, 65, 13, 10]), false)]).toEqual([255, 255, 13, 0, 65, 13, 10])
    expect([...encodeData(Uint8Array.from([255, 13, 65]), true)]).toEqual([255, 255, 13, 65])
  })
})

describe('option negotiation (RFC 1143)', () => {
  function negotiator() {
    const sent: number[][] = []
    const changes: string[] = []
    const n = new OptionNegotiator(
      { local: new Set([31]), remote: new Set([1, 3]) },
      { send: (b) => sent.push([...b]), changed: (side, option, on) => changes.push(`${side} ${option} ${on}`) },
    )
    return { n, sent, changes }
  }

  it('agrees to what it supports, refuses the rest, and answers each request once', () => {
    const { n, sent, changes } = negotiator()
    n.receive(251, 1) // WILL ECHO
    n.receive(251, 1) // again: already on, no answer (no loop)
    n.receive(253, 31) // DO NAWS
    n.receive(253, 37) // DO AUTHENTICATION
    n.receive(251, 38) // WILL ENCRYPT
    expect(sent).toEqual([
      [255, 253, 1],
      [255, 251, 31],
      [255, 252, 37],
      [255, 254, 38],
    ])
    expect(changes).toEqual(['remote 1 true', 'local 31 true'])
    expect(n.isRemote(1)).toBe(true)
  })

  it('does not answer the reply to its own request', () => {
    const { n, sent, changes } = negotiator()
    n.offer(31)
    n.receive(253, 31)
    n.request(3)
    n.receive(252, 3) // WONT SGA: refused, settle on no without answering
    expect(sent).toEqual([
      [255, 251, 31],
      [255, 253, 3],
    ])
    expect(changes).toEqual(['local 31 true'])
    expect(n.isRemote(3)).toBe(false)
  })
})

describe('contract caps where the text is made', () => {
  it('shortens a title that a 255-character host name would push past 256, visibly', () => {
    const spec = TelnetSpec.parse({ kind: 'telnet', host: 'a'.repeat(255), port: 2001, comPort: { baudRate: 115200 } })
    const title = new TelnetTransport(spec).title
    expect(title).toHaveLength(256)
    expect(title.endsWith('…')).toBe(true)
    expect(SessionInfo.shape.title.safeParse(title).success).toBe(true)
  })
})
