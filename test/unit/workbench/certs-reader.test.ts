import { describe, expect, it } from 'vitest'
import { parseInput } from '../../../shared/pki'
import { attachCertificateReader, selectLibrary, type CertificateReader, type KeptParse } from '../../../renderer/store/certs-slice'
import { pkiCalls } from '../../../renderer/workers/pki-calls'
import { fixtureText } from '../pki/helpers'
import { readHere, storeWithoutHost } from './helpers'

/** The worker's side, run here: what it is asked, answered when the test says so. */
function recordingReader() {
  const asked: string[][] = []
  const answers: Array<() => void> = []
  const read: CertificateReader = {
    readKept: (pems: string[]): Promise<KeptParse[]> => {
      asked.push(pems)
      return new Promise((resolve) => answers.push(() => resolve(pkiCalls.readKept(pems))))
    },
    parseEach: readHere.parseEach,
  }
  return { read, asked, answerAll: () => answers.splice(0).forEach((answer) => answer()) }
}

describe('the workbench library reads certificates in the parse worker, once', () => {
  it('takes pasted certificates from the worker result: the selector asks for nothing and parses nothing', () => {
    const store = storeWithoutHost()
    const reader = recordingReader()
    const detach = attachCertificateReader(store, reader.read)
    try {
      // As use-intake does: parseInBackground (the worker) produced this result.
      store.getState().addParsedCertificates(parseInput(fixtureText('testCA.pem') + fixtureText('SecureCFB.pem')), 'Paste')
      expect(selectLibrary(store.getState()).map((e) => e.cert?.commonName)).toEqual(['testCA', 'SecureCFB'])
      expect(reader.asked).toEqual([])
    } finally {
      detach()
    }
  })

  it('reads saved certificates through the reader at start-up and shows each once it answers, broken ones included', async () => {
    const store = storeWithoutHost()
    const reader = recordingReader()
    const detach = attachCertificateReader(store, reader.read)
    try {
      const saved = ['CallManager.pem', 'expired.pem', 'damaged-truncated.pem'].map((name, i) => ({
        id: `saved-${i}`,
        name,
        // Texts no other test reads (CR LF line ends): the parse cache keeps what it read before.
        pem: `${fixtureText(name).replace(/\r?\n/g, '\r\n')}\r\n`,
        addedAt: '2026-01-01T00:00:00Z',
      }))
      store.setState({ certificates: saved })
      // Not read on this thread: nothing to show until the worker answers.
      expect(selectLibrary(store.getState())).toEqual([])
      expect(reader.asked).toEqual([saved.map((c) => c.pem)])
      // Asked once, however often the selector runs meanwhile.
      selectLibrary({ certificates: [...saved] })
      expect(reader.asked).toHaveLength(1)
      const before = store.getState().certificatesParsed
      reader.answerAll()
      await expect.poll(() => store.getState().certificatesParsed).toBe(before + 1)
      const entries = selectLibrary(store.getState())
      expect(entries.map((e) => e.kept.name)).toEqual(['CallManager.pem', 'expired.pem', 'damaged-truncated.pem'])
      expect(entries[0]?.cert?.commonName).toBeTruthy()
      expect(entries[2]?.cert).toBeUndefined()
      expect(entries[2] && 'error' in entries[2] ? entries[2].error : '').toMatch(/Block 1/)
    } finally {
      detach()
    }
  })
})
