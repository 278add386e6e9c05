import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { LabProvider } from './app/context'
import { connectPlatform } from './platform'
import { createLabStore, type LabStore } from './store'
import { startPersistence } from './store/persistence'
import { attachCertificateReader } from './store/certs-slice'
import { callPki, readKeptInBackground } from './workers/pki-client'
import { TerminalIo } from './panes/console/terminal-io'
import { wireEvents } from './app/wire-events'
import { openDefaultSession } from './app/default-session'
import './styles.css'

// The transport reports connection changes before the store exists; the holder bridges that.
const holder: { store?: LabStore } = {}
const transport = connectPlatform((connected, refused) => holder.store?.getState().setConnected(connected, refused))
const store = createLabStore(transport)
holder.store = store
const terminalIo = new TerminalIo(transport)
wireEvents(store, transport)
// Certificates are read in the parse worker, never by the store on the main thread.
attachCertificateReader(store, { readKept: readKeptInBackground, parseEach: (texts) => callPki('parseEach', texts) })

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LabProvider value={{ store, transport, terminalIo }}>
        <App />
      </LabProvider>
    </StrictMode>,
  )
}

void startPersistence(store, transport).then(() => openDefaultSession(store))
