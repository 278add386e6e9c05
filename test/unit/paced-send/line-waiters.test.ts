import { describe, expect, it } from 'vitest'
import { DEFAULT_PROMPT_PATTERN, EchoWaiter, PromptWaiter } from '../../../electron/services/sessions/paced-send/line-waiters'

function feedAll(waiter: { feed(t: string): void }, chunks: string[]): void {
  for (const chunk of chunks) waiter.feed(chunk)
}

describe('EchoWaiter', () => {
  it('is done once the line and the echo of Enter have come back, in any chunking', () => {
    const w = new EchoWaiter(' database url nvram:')
    feedAll(w, [' data', 'base url', ' nvram'])
    expect(w.done).toBe(false)
    w.feed(':')
    expect(w.done).toBe(false)
    w.feed('\r\nRouter(cs-server)#')
    expect(w.done).toBe(true)
  })

  it('tolerates IOS scrolling a long line with $ and backspaces', () => {
    const line = 'sccp ccm 10.1.1.10 identifier 666 version 7.0+'
    const w = new EchoWaiter(line)
    // A narrow terminal: IOS shifts the line left, marks it with $, and redraws the visible part.
    const prompt = 'Router(config)#'
    const firstPart = 'sccp ccm 10.1.1.10 identif'
    feedAll(w, [
      firstPart,
      '\b'.repeat(firstPart.length + prompt.length),
      '$ccm 10.1.1.10 identif',
      'ier 666 vers',
      '\b'.repeat(34),
      '$.1.10 identifier 666 vers',
      'ion 7.0+',
    ])
    expect(w.done).toBe(false)
    w.feed('\r\n')
    expect(w.done).toBe(true)
  })

  it('is not done when the router dropped a character', () => {
    const w = new EchoWaiter('crypto pki server testCA')
    w.feed('crypto pki srver testCA\r\nRouter(config)#')
    expect(w.done).toBe(false)
  })

  it('waits for the line break after the last character', () => {
    const w = new EchoWaiter('no shutdown')
    w.feed('no shutdown')
    expect(w.done).toBe(false)
    w.feed('\n')
    expect(w.done).toBe(true)
  })

  it('treats an empty line as echoed when Enter comes back', () => {
    const w = new EchoWaiter('')
    expect(w.done).toBe(false)
    w.feed('\r\nRouter#')
    expect(w.done).toBe(true)
  })
})

describe('PromptWaiter', () => {
  it('finds IOS and shell prompts after a line break', () => {
    for (const output of ['\r\nRouter(config)#', '\r\nRouter(config-pki-trustpoint)# ', '\r\nRouter>', '\r\nuser@lab:~$ ']) {
      const w = new PromptWaiter()
      w.feed(output)
      expect(w.done, JSON.stringify(output)).toBe(true)
    }
  })

  it('does not take a stale prompt or text mid-line for the prompt', () => {
    const stale = new PromptWaiter()
    stale.feed('Router(config)#')
    expect(stale.done).toBe(false)
    const midLine = new PromptWaiter()
    midLine.feed('\r\n% Invalid input detected at # marker. Continue')
    expect(midLine.done).toBe(false)
  })

  it('uses a custom pattern, even a global one, regardless of its lastIndex', () => {
    const pattern = /\[yes\/no\]: $/g
    pattern.lastIndex = 99
    const w = new PromptWaiter(pattern)
    w.feed('% Do you accept this certificate? [yes/no]: ')
    expect(w.done).toBe(true)
    expect(DEFAULT_PROMPT_PATTERN.test('\r\nR1#')).toBe(true)
  })
})
