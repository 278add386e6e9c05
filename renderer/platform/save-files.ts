import type { LabTransport, SaveFile } from '../../shared/contract'

export interface SaveOutcome {
  /** Where the files went: paths on disk (desktop) or the download names (browser host). */
  readonly saved: string[]
  readonly cancelled: boolean
}

function toBlob(file: SaveFile): Blob {
  if (file.encoding === 'base64') {
    const bytes = Uint8Array.from(atob(file.contents), (c) => c.charCodeAt(0))
    return new Blob([bytes], { type: 'application/octet-stream' })
  }
  return new Blob([file.contents], { type: 'text/plain;charset=utf-8' })
}

/**
 * Saving files the way each host can: a save (or folder) dialog and an atomic write in the
 * desktop app; ordinary downloads in the browser host, where the page cannot pick a folder.
 */
export async function saveFiles(transport: LabTransport, files: SaveFile[], title = 'Save'): Promise<SaveOutcome> {
  if (window.lab) return transport.invoke('files.save', { files, title })
  for (const file of files) {
    const url = URL.createObjectURL(toBlob(file))
    const link = document.createElement('a')
    link.href = url
    link.download = file.name
    link.rel = 'noopener'
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  return { saved: files.map((f) => f.name), cancelled: false }
}
