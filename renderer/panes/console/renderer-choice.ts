export type RendererPreference = 'auto' | 'dom' | 'webgl'

export function isRendererPreference(value: string | null | undefined): value is RendererPreference {
  return value === 'auto' || value === 'dom' || value === 'webgl'
}

/**
 * The URL parameter (?renderer=dom) wins over the setting, so a test or a user with a broken
 * GPU driver can start the app with the DOM renderer without touching saved settings.
 */
export function chooseRenderer(setting: RendererPreference, urlParam: string | null | undefined): RendererPreference {
  return isRendererPreference(urlParam) ? urlParam : setting
}

/** Renderer strings of software rasterisers (SwiftShader, Mesa llvmpipe/softpipe, WARP). */
export function isSoftwareRenderer(rendererName: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i.test(rendererName)
}
