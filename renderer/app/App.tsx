import { ConsolePane } from '../panes/console/ConsolePane'
import { CertsPane } from '../panes/certs/CertsPane'
import { ChecklistPane } from '../panes/checklist/ChecklistPane'
import { Notices } from './Notices'
import { StatusBar } from './StatusBar'

export function App() {
  return (
    <div className="app">
      <Notices />
      <main className="panes">
        <section className="pane pane-console" aria-label="Console">
          <ConsolePane />
        </section>
        <div className="side">
          <section className="pane pane-certs" aria-label="Certificate workbench">
            <CertsPane />
          </section>
          <section className="pane pane-checklist" aria-label="Checklist">
            <ChecklistPane />
          </section>
        </div>
      </main>
      <StatusBar />
    </div>
  )
}
