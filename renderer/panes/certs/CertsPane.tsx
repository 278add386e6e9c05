import { useState, type DragEvent } from 'react'
import { CertDetails } from './CertDetails'
import { CertInput } from './CertInput'
import { CertLibrary } from './CertLibrary'
import { CompareBox } from './CompareBox'
import { IntakeReportView } from './IntakeReportView'
import { RouterFingerprintStatus } from './RouterFingerprintStatus'
import { UploadSetPanel } from './UploadSetPanel'
import { useIntake } from './use-intake'
import { useCheckClock } from './use-now'

/** Paste or drop certificates, read their fingerprints as IOS prints them, check and export them. */
export function CertsPane() {
  const intake = useIntake()
  const clock = useCheckClock()
  const [dragging, setDragging] = useState(false)

  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault()
    setDragging(false)
    const files = [...e.dataTransfer.files]
    if (files.length > 0) void intake.addFiles(files)
    else {
      const text = e.dataTransfer.getData('text/plain')
      if (text) void intake.addText(text)
    }
  }

  return (
    <div
      className={`certs${dragging ? ' certs-dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault()
        e.dataTransfer.dropEffect = 'copy'
        setDragging(true)
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false)
      }}
      onDrop={onDrop}
    >
      <h2 className="pane-title">Certificate workbench</h2>
      <CertInput intake={intake} />
      <IntakeReportView />
      <RouterFingerprintStatus />
      <CompareBox />
      <CertLibrary clock={clock} />
      <CertDetails clock={clock} />
      <UploadSetPanel clock={clock} />
    </div>
  )
}
