import { useState, type CSSProperties } from 'react'
import { ConsolePane } from '../panes/console/ConsolePane'
import { CertsPane } from '../panes/certs/CertsPane'
import { ChecklistPane } from '../panes/checklist/ChecklistPane'
import { useLab } from './context'
import { Notices } from './Notices'
import { Splitter } from './Splitter'
import { StatusBar } from './StatusBar'

export function App() {
  const layout = useLab((s) => s.settings.layout)
  const updateLayout = useLab((s) => s.updateLayout)
  // A drag shows at once and is saved (with the settings) when the pointer is released.
  const [preview, setPreview] = useState<Partial<typeof layout>>({})
  const consoleFraction = preview.consoleFraction ?? layout.consoleFraction
  const workbenchFraction = preview.workbenchFraction ?? layout.workbenchFraction
  const commit = (patch: Partial<typeof layout>): void => {
    setPreview({})
    updateLayout(patch)
  }
  const columns: CSSProperties = { gridTemplateColumns: `minmax(0, ${consoleFraction}fr) 6px minmax(0, ${1 - consoleFraction}fr)` }
  const rows: CSSProperties = { gridTemplateRows: `minmax(0, ${workbenchFraction}fr) 6px minmax(0, ${1 - workbenchFraction}fr)` }
  return (
    <div className="app">
      <Notices />
      <main className="panes" style={columns}>
        <section className="pane pane-console" aria-label="Console">
          <ConsolePane />
        </section>
        <Splitter
          orientation="vertical"
          label="Resize console and side panes"
          value={consoleFraction}
          min={0.2}
          max={0.8}
          onPreview={(v) => setPreview((p) => ({ ...p, consoleFraction: v }))}
          onCommit={(v) => commit({ consoleFraction: v })}
        />
        <div className="side" style={rows}>
          <section className="pane pane-certs" aria-label="Certificate workbench">
            <CertsPane />
          </section>
          <Splitter
            orientation="horizontal"
            label="Resize workbench and checklist"
            value={workbenchFraction}
            min={0.15}
            max={0.85}
            onPreview={(v) => setPreview((p) => ({ ...p, workbenchFraction: v }))}
            onCommit={(v) => commit({ workbenchFraction: v })}
          />
          <section className="pane pane-checklist" aria-label="Checklist">
            <ChecklistPane />
          </section>
        </div>
      </main>
      <StatusBar />
    </div>
  )
}
