import { protocol } from 'electron'
import { APP_HOST, APP_SCHEME } from './window-policy'
import { SECURITY_HEADERS, readStaticFile } from './static-files'

/** Must run before the app is ready: app:// behaves like https (secure context, fetch, CSP). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** Serves the built renderer from app://lab/ with the same CSP and headers as the browser host. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 })
    const file = await readStaticFile(rendererDir, url.pathname)
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS })
    return new Response(new Uint8Array(file.body), { status: 200, headers: { 'Content-Type': file.contentType, ...SECURITY_HEADERS } })
  })
}
