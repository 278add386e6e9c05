// ssh2 computes its default and supported algorithm lists at load time from what the running
// crypto library can do (Node's OpenSSL or Electron's BoringSSL); the package ships no types
// for that module.
declare module 'ssh2/lib/protocol/constants.js' {
  const constants: {
    readonly DEFAULT_KEX: readonly string[]
    readonly SUPPORTED_KEX: readonly string[]
    readonly DEFAULT_SERVER_HOST_KEY: readonly string[]
    readonly SUPPORTED_SERVER_HOST_KEY: readonly string[]
    readonly DEFAULT_CIPHER: readonly string[]
    readonly SUPPORTED_CIPHER: readonly string[]
    readonly DEFAULT_MAC: readonly string[]
    readonly SUPPORTED_MAC: readonly string[]
  }
  export default constants
}
