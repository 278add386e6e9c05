import { describe, expect, it } from 'vitest'
import { renderReport, type StepProgress } from '../../../shared/procedure/report'
import { escapeHtml, escapeMarkdown, markdownCodeBlock, trimEvidence } from '../../../shared/procedure/report-text'
import { exampleSite } from '../../../shared/procedure/site'
import { evaluateVerification } from '../../../shared/procedure/verification'
import { fixture } from '../ios/fixture'

const site = exampleSite()
const EVIL = `<script>alert("x")</script><img src=x onerror=alert(1)> & 'quote'`

function htmlText(html: string): string {
  return html.replace(/<[^>]*>/g, '')
}

describe('renderReport', () => {
  const progress: Record<string, StepProgress> = {
    't1-01': {
      status: 'done',
      startedAt: '2026-02-22T00:01:00Z',
      completedAt: '2026-02-22T00:04:30Z',
      evidence: fixture('show-ntp-status-synced.txt'),
    },
    't1-04': {
      status: 'done',
      startedAt: Date.UTC(2026, 1, 22, 0, 8, 0),
      completedAt: Date.UTC(2026, 1, 22, 0, 8, 40),
      evidence: fixture('cs-no-shutdown.txt'),
    },
    't1-10': { status: 'done', evidence: fixture('export-securecfb-3des.crlf.txt') },
    't1-13': {
      status: 'failed',
      note: EVIL,
      verification: evaluateVerification(
        't1-13',
        {
          'show dspfarm profile 666': fixture('show-dspfarm-profile-666-not-associated.txt'),
          'show sccp': fixture('show-sccp-not-connected.txt'),
        },
        site,
      ),
    },
  }
  const extras = {
    title: `Report ${EVIL}`,
    engineer: EVIL,
    generatedAt: '2026-02-22T01:00:00Z',
    fingerprints: [
      {
        label: 'testCA.pem',
        subject: 'CN=testCA',
        md5: '6fdab4e94086d68a86c2adf387b7173c',
        sha1: '83EEF9B261A3345C4F01AF6D71AED5F0B89E4359',
        sha256: '0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF',
      },
    ],
    openProblems: ['Phone 1003 still shows Authenticated'],
  }
  const { markdown, html } = renderReport({ ...site, bridgeName: 'Secure<b>CFB' }, progress, extras)

  it('lists variables, every step with status and time, fingerprints and open problems', () => {
    expect(markdown).toContain('| CUCM group nodes | CUCMPUB15 192.0.2.20 priority 1 publisher |')
    expect(markdown).toContain('### t1-01 · Point the router at NTP and turn on the HTTP server')
    expect(markdown).toContain('**Status:** done · **Where:** router · **Time:** 2026-02-22 00:04:30 UTC (3 min 30 s)')
    expect(markdown).toContain('**Time:** 2026-02-22 00:08:40 UTC (40 s)')
    expect(markdown).toContain('- SHA-1: `83EEF9B2 61A3345C 4F01AF6D 71AED5F0 B89E4359`')
    expect(markdown).toContain('- MD5: `6FDAB4E9 4086D68A 86C2ADF3 87B7173C`')
    // The same IOS style for all three (it printed SHA-256 with colons).
    expect(markdown).toContain('- SHA-256: `01234567 89ABCDEF 01234567 89ABCDEF 01234567 89ABCDEF 01234567 89ABCDEF`')
    expect(markdown).toContain('- Phone 1003 still shows Authenticated')
    expect(markdown).toMatch(/- t1-13 .*: failed — likely: Profile stays NOT ASSOCIATED until SCCP restarts/)
    expect(markdown).toContain('Steps: 3 done, 1 failed')
    expect(markdown).toContain('Upload to CallManager-trust, not tomcat-trust')
    expect(markdown).toContain('Seen: TCP Link Status NOT\\_CONNECTED')
    // The bridge name is invalid (contains < >): that is an open problem too.
    expect(markdown).toContain('Bridge name: The bridge name may use letters')
    expect(htmlText(html)).toContain('Clock is synchronized, stratum 4')
  })

  it('escapes everything in HTML: no tag or attribute from the input survives', () => {
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>CFB')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;quote&#39;')
    expect(html).toContain('Secure&lt;b&gt;CFB')
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
    expect(html.match(/<script/gi)).toBeNull()
  })

  it('escapes Markdown so input cannot add HTML, links or table cells', () => {
    expect(markdown).not.toContain('<script>')
    expect(markdown).toContain('\\<script\\>')
    expect(markdown).toContain('Secure\\<b\\>CFB')
    expect(escapeMarkdown('a|b [x](http://e) `c` *d* &amp;\nnext')).toBe('a\\|b \\[x\\](http://e) \\`c\\` \\*d\\* \\&amp; next')
  })

  it('never puts a private key or a typed password in the report', () => {
    for (const out of [markdown, html]) {
      expect(out).not.toContain('Proc-Type')
      expect(out).not.toMatch(/BEGIN RSA PRIVATE KEY-----\s*\n(?!\[private key removed)/)
      expect(out).not.toContain('cisco1234')
      expect(out).toContain('[private key removed from the report]')
      expect(out).toContain('3des ********')
    }
    // The certificates themselves stay.
    expect(markdown).toContain('-----BEGIN CERTIFICATE-----')
  })

  it('shows unknown statuses from a tampered progress file as pending', () => {
    const tampered = { 't1-01': { status: '"><script>' as unknown as 'done' } }
    const r = renderReport(site, tampered, { generatedAt: 0 })
    expect(r.html).not.toContain('"><script>')
    expect(r.markdown).toContain('Steps: 0 done, 0 failed')
  })
})

describe('report helpers', () => {
  it('trims long evidence and says how much was cut', () => {
    const long = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\r\n')
    const trimmed = trimEvidence(long, { lines: 10 })
    expect(trimmed.split('\n')).toHaveLength(11)
    expect(trimmed).toContain('… (90 more lines not shown)')
    expect(trimEvidence('x'.repeat(10_000), { chars: 100 })).toBe(`${'x'.repeat(100)}\n… (9900 more characters not shown)`)
    expect(trimEvidence('\x1b[1mVG-CME-1#\x1b[0m')).toBe('VG-CME-1#')
  })

  it('fences code longer than any backtick run inside it', () => {
    expect(markdownCodeBlock('a ``` b')).toBe('````text\na ``` b\n````')
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  })
})
