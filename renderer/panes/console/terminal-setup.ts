import { Terminal } from '@xterm/xterm'
import { FitAddon } from '@xterm/addon-fit'
import { SearchAddon } from '@xterm/addon-search'
import { WebglAddon } from '@xterm/addon-webgl'
import { isSoftwareRenderer, type RendererPreference } from './renderer-choice'

export type ActiveRenderer = 'webgl' | 'dom'

export interface TerminalHandle {
  readonly term: Terminal
  readonly fit: FitAddon
  readonly search: SearchAddon
  readonly renderer: ActiveRenderer
  /** Settles once the terminal is in the page: true, or false when it was disposed first. */
  readonly opened: Promise<boolean>
  /** Switches renderer in place; scrollback stays. */
  setRenderer(preference: RendererPreference): void
  dispose(): void
}

export interface TerminalSetup {
  readonly fontSize: number
  readonly scrollback: number
  /** Told when the renderer changes on its own (WebGL context lost → DOM). */
  readonly onRendererChange: (renderer: ActiveRenderer, why?: string) => void
}

let gpuVerdict: string | undefined | null = null

/**
 * Why 'auto' should not use WebGL here, or undefined when it should. WebGL drawn by a software
 * rasteriser (SwiftShader in headless or GPU-less machines, llvmpipe in VMs) is slower than the
 * DOM renderer, so 'auto' only takes a real GPU. Asked once per window.
 */
function autoSkipsWebgl(): string | undefined {
  if (gpuVerdict !== null) return gpuVerdict
  const gl = document.createElement('canvas').getContext('webgl2')
  if (!gl) gpuVerdict = 'WebGL2 is not available'
  else {
    const info = gl.getExtension('WEBGL_debug_renderer_info')
    const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : ''
    gpuVerdict = isSoftwareRenderer(name) ? `WebGL is software-rendered here (${name})` : undefined
    gl.getExtension('WEBGL_lose_context')?.loseContext()
  }
  return gpuVerdict
}

/**
 * An xterm with fit, search and — where the GPU allows — the WebGL renderer. WebGL is a speed-up
 * only: when it cannot start, or its context is lost later (driver reset, too many contexts),
 * the terminal carries on with the DOM renderer and keeps its buffer.
 *
 * The terminal is put in the page in a task of its own (`opened`), and the renderer is chosen by
 * the caller afterwards (setRenderer): building, opening and probing the GPU in one go held the
 * window's thread for ~100 ms at start-up (bench: longest task before the first prompt).
 */
export function createTerminal(element: HTMLElement, setup: TerminalSetup): TerminalHandle {
  const term = new Terminal({
    fontFamily: '"DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, monospace',
    fontSize: setup.fontSize,
    scrollback: setup.scrollback,
    cursorBlink: true,
    convertEol: false,
    // The search addon's match highlighting and result count use xterm's decoration API.
    allowProposedApi: true,
  })
  const fit = new FitAddon()
  const search = new SearchAddon()
  term.loadAddon(fit)
  term.loadAddon(search)
  let disposed = false
  const opened = new Promise<boolean>((resolve) =>
    setTimeout(() => {
      if (!disposed) term.open(element)
      resolve(!disposed)
    }, 0),
  )

  let webgl: WebglAddon | undefined
  const dropWebgl = (): void => {
    const addon = webgl
    webgl = undefined
    try {
      addon?.dispose()
    } catch {
      // A renderer that failed halfway may not dispose cleanly; the DOM renderer takes over anyway.
    }
  }
  const tryWebgl = (): string | undefined => {
    const addon = new WebglAddon()
    try {
      term.loadAddon(addon)
    } catch (err) {
      webgl = addon
      dropWebgl()
      return (err as Error).message
    }
    webgl = addon
    addon.onContextLoss(() => {
      dropWebgl()
      setup.onRendererChange('dom', 'the WebGL context was lost')
    })
    return undefined
  }

  const active = (): ActiveRenderer => (webgl ? 'webgl' : 'dom')
  const handle: TerminalHandle = {
    term,
    fit,
    search,
    opened,
    get renderer(): ActiveRenderer {
      return active()
    },
    setRenderer(preference) {
      if (preference === 'dom') {
        if (webgl) dropWebgl()
        setup.onRendererChange('dom')
        return
      }
      if (webgl) return
      const skip = preference === 'auto' ? autoSkipsWebgl() : undefined
      if (skip) {
        setup.onRendererChange('dom', skip)
        return
      }
      const failure = tryWebgl()
      setup.onRendererChange(active(), failure ? `WebGL unavailable: ${failure}` : undefined)
    },
    dispose() {
      disposed = true
      dropWebgl()
      term.dispose()
    },
  }
  return handle
}
