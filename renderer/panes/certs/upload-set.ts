// Which certificates go to CUCM and under which file names: the root CA and the bridge
// certificate, one per file, named for their role from the site variables (testCA.pem,
// SecureCFB.pem). Also the single-file exports (PEM, DER, bundle) as SaveFile records.
import type { SaveFile } from '../../../shared/contract'
import { cucmUploadFiles, findBridge, findRoot, pemBundle, safeFileName, sameName } from '../../../shared/pki/parsed'
import type { ParsedCertificate } from '../../../shared/pki/parsed'
import type { LoadedCertificate } from '../../store/certs-slice'

export interface UploadNames {
  caName: string
  bridgeName: string
}

function isCaEntry(e: LoadedCertificate): boolean {
  return e.cert.isCa || e.kept.role === 'CA'
}

/**
 * The upload set: the ticked entries when there are any; otherwise the bridge certificate (CN =
 * bridge name, else the latest General Purpose certificate) and the CA that issued it.
 */
export function pickUploadSet(loaded: readonly LoadedCertificate[], marked: readonly string[], names: UploadNames): LoadedCertificate[] {
  if (marked.length > 0) return loaded.filter((e) => marked.includes(e.kept.id))
  const wanted = names.bridgeName.trim().toLowerCase()
  const leaves = loaded.filter((e) => !isCaEntry(e))
  const bridge =
    leaves.find((e) => wanted !== '' && e.cert.commonName?.toLowerCase() === wanted) ??
    [...leaves].reverse().find((e) => e.kept.role === 'General Purpose')
  const cas = loaded.filter(isCaEntry)
  const caWanted = names.caName.trim().toLowerCase()
  const root =
    (bridge ? [...cas].reverse().find((e) => sameName(e.cert.subject, bridge.cert.issuer)) : undefined) ??
    cas.find((e) => caWanted !== '' && e.cert.commonName?.toLowerCase() === caWanted) ??
    [...cas].reverse().find((e) => e.kept.role === 'CA')
  return [root, bridge].filter((e): e is LoadedCertificate => e !== undefined)
}

/** File names for the set: the root is `<caName>.pem`, the bridge `<bridgeName>.pem`, others by CN. */
export function uploadFileNames(certs: readonly ParsedCertificate[], names: UploadNames): Array<string | undefined> {
  const root = findRoot(certs)
  const bridge = findBridge(certs, names.bridgeName)
  return certs.map((c) => {
    if (c === root && names.caName.trim()) return names.caName.trim()
    if (c === bridge && names.bridgeName.trim()) return names.bridgeName.trim()
    return undefined
  })
}

export type UploadSetFiles = { ok: true; files: SaveFile[] } | { ok: false; reason: string }

/** One PEM file per certificate, never a key (cucmUploadFiles refuses them). */
export function uploadSetFiles(set: readonly LoadedCertificate[], names: UploadNames): UploadSetFiles {
  if (set.length === 0) return { ok: false, reason: 'The upload set is empty: load the CA and the bridge certificate first.' }
  const certs = set.map((e) => e.cert)
  const r = cucmUploadFiles(certs, uploadFileNames(certs, names))
  if (!r.ok) return r
  return { ok: true, files: r.files.map((f) => ({ name: f.fileName, contents: f.contents, encoding: 'utf8' as const })) }
}

export function pemFile(entry: LoadedCertificate): SaveFile {
  return { name: safeFileName(entry.cert.commonName ?? entry.kept.name), contents: entry.cert.pem, encoding: 'utf8' }
}

/** DER travels base64-encoded in the contract; ParsedCertificate already holds it that way. */
export function derFile(entry: LoadedCertificate): SaveFile {
  const base = safeFileName(entry.cert.commonName ?? entry.kept.name).replace(/\.pem$/, '.der')
  return { name: base, contents: entry.cert.der, encoding: 'base64' }
}

export function bundleFile(entries: readonly LoadedCertificate[]): SaveFile {
  return { name: 'certificates-bundle.pem', contents: pemBundle(entries.map((e) => e.cert)), encoding: 'utf8' }
}
