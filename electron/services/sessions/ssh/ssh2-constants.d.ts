// ssh2 computes its default and supported algorithm lists at load time from what the running
// crypto library can do (Node's OpenSSL or Electron's BoringSSL); the package ships no types
// for that module.
declare module 'ssh2/lib/protocol/constants.js' {
  import type { CipherAlgorithm, KexAlgorithm, MacAlgorithm, ServerHostKeyAlgorithm } from 'ssh2'

  const constants: {
    readonly DEFAULT_KEX: readonly KexAlgorithm[]
    readonly SUPPORTED_KEX: readonly KexAlgorithm[]
    readonly DEFAULT_SERVER_HOST_KEY: readonly ServerHostKeyAlgorithm[]
    readonly SUPPORTED_SERVER_HOST_KEY: readonly ServerHostKeyAlgorithm[]
    readonly DEFAULT_CIPHER: readonly CipherAlgorithm[]
    readonly SUPPORTED_CIPHER: readonly CipherAlgorithm[]
    readonly DEFAULT_MAC: readonly MacAlgorithm[]
    readonly SUPPORTED_MAC: readonly MacAlgorithm[]
  }
  export default constants
}
