export function CertsPane() {
  return (
    <>
      <h2 className="pane-title">Certificate workbench</h2>
      <p className="placeholder">Paste PEM or router output here to see fingerprints as IOS prints them.</p>
    </>
  )
}
