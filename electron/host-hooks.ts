import path from 'node:path'
import { BrowserWindow, dialog, shell } from 'electron'
import type { SaveFile } from '../shared/contract'
import type { HostHooks } from './services/compose'
import { writeFileAtomic } from './services/state/atomic-write'

function bytesOf(file: SaveFile): Buffer {
  return file.encoding === 'base64' ? Buffer.from(file.contents, 'base64') : Buffer.from(file.contents, 'utf8')
}

/** The desktop's dialogs and file manager, for services that must ask the user where things go. */
export const electronHostHooks: HostHooks = {
  async openPath(folder) {
    return (await shell.openPath(folder)) === ''
  },
  async saveFiles(files, title) {
    const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
    const first = files[0]
    if (files.length === 1 && first) {
      const options = { title, defaultPath: first.name }
      const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return { saved: [], cancelled: true }
      await writeFileAtomic(choice.filePath, bytesOf(first), 0o644)
      return { saved: [choice.filePath], cancelled: false }
    }
    const options = { title, properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> }
    const choice = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
    const folder = choice.filePaths[0]
    if (choice.canceled || !folder) return { saved: [], cancelled: true }
    const saved: string[] = []
    for (const file of files) {
      const target = path.join(folder, path.basename(file.name))
      await writeFileAtomic(target, bytesOf(file), 0o644)
      saved.push(target)
    }
    return { saved, cancelled: false }
  },
}
