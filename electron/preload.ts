import { contextBridge, ipcRenderer } from 'electron'
import { createLabBridge } from './preload-api'

contextBridge.exposeInMainWorld('lab', createLabBridge(ipcRenderer))
