import { useState } from 'react'
import { useLab, useLabContext } from '../../app/context'
import type { SessionTab } from '../../store/sessions-slice'

/**
 * Says plainly that the practice router is simulated, and lets the user start its lab over
 * (config, keys and certificates forgotten), which a rehearsal needs after a half-done run.
 */
export function PracticeBanner({ tab }: { tab: SessionTab }) {
  const { transport } = useLabContext()
  const reconnect = useLab((s) => s.reconnect)
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<string>()
  if (tab.spec.kind !== 'practice') return null
  const lab = tab.spec.lab ?? 'default'

  const reset = async (): Promise<void> => {
    setConfirming(false)
    try {
      if (tab.sessionId) await transport.invoke('session.close', { id: tab.sessionId })
      await transport.invoke('practice.reset', { lab })
      await reconnect(tab.tabId)
    } catch (err) {
      setError((err as Error).message)
    }
  }

  return (
    <div className="banner-line practice-banner" role="note" aria-label="Practice router">
      <span>
        Simulated router — practice lab <strong>{lab}</strong>. Nothing typed here reaches hardware or the network.
      </span>
      {confirming ? (
        <span role="alertdialog" aria-label="Reset practice lab">
          Forget this lab&apos;s configuration, keys and certificates?{' '}
          <button type="button" onClick={() => void reset()}>
            Reset lab
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Reset practice lab…
        </button>
      )}
      {error && <span role="alert">{error}</span>}
    </div>
  )
}
