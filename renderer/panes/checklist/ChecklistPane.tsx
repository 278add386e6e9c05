export function ChecklistPane() {
  return (
    <>
      <h2 className="pane-title">Checklist</h2>
      <p className="placeholder">The CUCM secure-conference procedure, step by step.</p>
    </>
  )
}
