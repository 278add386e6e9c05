import { useEffect, useState } from 'react'
import { useLabContext } from '../../app/context'
import type { FormErrors, ProfileForm } from './profile-form'
import { CheckField, SelectField, TextField } from './fields'

type Ssh = ProfileForm['ssh']

const AUTH_OPTIONS = [
  { value: 'password', label: 'Password' },
  { value: 'keyboard-interactive', label: 'Keyboard-interactive' },
  { value: 'publickey', label: 'Public key' },
  { value: 'agent', label: 'SSH agent' },
] as const

/** Shown beside the legacy switch: the one algorithm the desktop build cannot offer. */
export const LEGACY_NOTE =
  "Old IOS images offer only SHA-1 key exchange and CBC ciphers. Electron's BoringSSL lacks the 1024-bit group " +
  'for diffie-hellman-group1-sha1, so the desktop app cannot use it (that group still works in the browser host); ' +
  'diffie-hellman-group14-sha1 works everywhere — on the router, "ip ssh dh min size 2048" enables it.'

/** Whether this host can offer group1 at all (app.info); undefined until it has answered. */
function useGroup1Support(): boolean | undefined {
  const { transport } = useLabContext()
  const [supported, setSupported] = useState<boolean>()
  useEffect(() => {
    let live = true
    transport
      .invoke('app.info', null)
      .then((info) => live && setSupported(info.capabilities.sshGroup1Sha1))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [transport])
  return supported
}

export function SshFields({ value, errors, onChange }: { value: Ssh; errors: FormErrors; onChange: (patch: Partial<Ssh>) => void }) {
  const group1 = useGroup1Support()
  return (
    <fieldset className="profile-fields">
      <legend>SSH</legend>
      <div className="field-row">
        <TextField
          label="Host"
          value={value.host}
          error={errors['ssh.host']}
          placeholder="10.0.0.1"
          onChange={(host) => onChange({ host })}
        />
        <TextField label="Port" value={value.port} error={errors['ssh.port']} inputMode="numeric" onChange={(port) => onChange({ port })} />
      </div>
      <TextField label="Username" value={value.username} error={errors['ssh.username']} onChange={(username) => onChange({ username })} />
      <SelectField
        label="Authentication"
        value={value.auth}
        options={AUTH_OPTIONS}
        error={errors['ssh.auth']}
        onChange={(auth) => onChange({ auth })}
        hint={value.auth === 'password' || value.auth === 'keyboard-interactive' ? 'Asked when you connect; never saved.' : undefined}
      />
      {value.auth === 'publickey' && (
        <TextField
          label="Private key file"
          value={value.privateKeyPath}
          error={errors['ssh.privateKeyPath']}
          placeholder="/home/me/.ssh/id_ed25519"
          onChange={(privateKeyPath) => onChange({ privateKeyPath })}
        />
      )}
      <CheckField
        label="Legacy IOS algorithms"
        checked={value.legacyAlgorithms}
        onChange={(legacyAlgorithms) => onChange({ legacyAlgorithms })}
        hint={
          <>
            {LEGACY_NOTE}
            {group1 !== undefined && <strong> This host {group1 ? 'can' : 'cannot'} offer diffie-hellman-group1-sha1.</strong>}
          </>
        }
      />
      <TextField
        label="Keepalive (seconds, 0 = off)"
        value={value.keepaliveSeconds}
        error={errors['ssh.keepaliveSeconds']}
        inputMode="numeric"
        onChange={(keepaliveSeconds) => onChange({ keepaliveSeconds })}
      />
    </fieldset>
  )
}
