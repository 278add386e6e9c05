import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'

const ESC = '\x1b['
const kw = (word: string): string => `${ESC}1;36m${word}${ESC}0m`
const val = (word: string): string => `${ESC}33m${word}${ESC}0m`

/** One `show running-config` screenful, coloured the way a syntax-highlighting console shows it. */
function configBlock(n: number): string[] {
  const unit = n % 48
  return [
    `${kw('interface')} GigabitEthernet0/0/${unit}`,
    ` ${kw('description')} ${val(`uplink-${n}`)} to access switch`,
    ` ${kw('ip address')} ${val(`10.${(n >> 8) & 255}.${n & 255}.1`)} 255.255.255.0`,
    ` ${kw('ip helper-address')} 10.1.1.10`,
    ` ${kw('negotiation')} auto`,
    ` ${kw('no shutdown')}`,
    '!',
    `${kw('crypto pki trustpoint')} ${val('testCA')}`,
    ` ${kw('enrollment url')} http://10.1.1.1:80`,
    ` ${kw('revocation-check')} none`,
    ` ${kw('rsakeypair')} testCA`,
    '!',
    `${kw('voice-card')} 0`,
    ` ${kw('dspfarm')}`,
    ` ${kw('dsp services dspfarm')}`,
    '!',
    `${kw('sccp ccm')} 10.1.1.10 ${kw('identifier')} 1 ${kw('version')} 7.0`,
    `${kw('dspfarm profile')} 1 ${kw('conference security')}`,
    ` ${kw('trustpoint')} ${val('secure-conf')}`,
    ` ${kw('codec')} g711ulaw`,
    ` ${kw('maximum sessions')} 4`,
    ` ${kw('associate application')} SCCP`,
    '!',
  ]
}

/** Router-like output of exactly `bytes` bytes (CRLF line ends, as IOS sends), and its SHA-256. */
export function writeRouterOutput(path: string, bytes: number): { bytes: number; sha256: string } {
  const parts: string[] = []
  let size = 0
  for (let n = 0; size < bytes; n += 1) {
    const text = `${configBlock(n).join('\r\n')}\r\n`
    parts.push(text)
    size += Buffer.byteLength(text)
  }
  const data = Buffer.from(parts.join('')).subarray(0, bytes)
  writeFileSync(path, data)
  return { bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') }
}
