import { describe, expect, it } from 'vitest'
import { Profile } from '../../../shared/contract'
import {
  emptyForm,
  formFromProfile,
  profileIdFor,
  validateProfileForm,
  type ProfileForm,
} from '../../../renderer/panes/console/profile-form'

function sshForm(patch: Partial<ProfileForm['ssh']> = {}, name = 'Core router'): ProfileForm {
  const base = emptyForm('ssh')
  return { ...base, name, ssh: { ...base.ssh, host: '10.0.0.1', username: 'admin', ...patch } }
}

function errorsOf(form: ProfileForm, others: Profile[] = []): Record<string, string> {
  const result = validateProfileForm(form, others)
  if (result.ok) throw new Error('expected the form to be refused')
  return { ...result.errors }
}

describe('profile form', () => {
  it('turns a filled SSH form into a profile the contract accepts', () => {
    const result = validateProfileForm(sshForm({ port: '2222', legacyAlgorithms: true }), [])
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(Profile.parse(result.profile)).toEqual(result.profile)
    expect(result.profile).toMatchObject({
      id: 'core-router',
      name: 'Core router',
      spec: { kind: 'ssh', host: '10.0.0.1', port: 2222, username: 'admin', auth: 'password', legacyAlgorithms: true },
    })
  })

  it('puts each reason next to its field', () => {
    const errors = errorsOf(sshForm({ host: 'bad host!', port: '99999', username: '', keepaliveSeconds: 'x' }, ''))
    expect(errors.name).toBe('required')
    expect(errors['ssh.host']).toMatch(/letters, digits/)
    expect(errors['ssh.port']).toBe('at most 65535')
    expect(errors['ssh.username']).toBe('required')
    expect(errors['ssh.keepaliveSeconds']).toBe('a whole number')
  })

  it('asks for a key file with public-key login, and keeps it only then', () => {
    expect(errorsOf(sshForm({ auth: 'publickey' }))['ssh.privateKeyPath']).toMatch(/key file/)
    const withKey = validateProfileForm(sshForm({ auth: 'publickey', privateKeyPath: '/root/.ssh/id_ed25519' }), [])
    expect(withKey.ok && withKey.profile.spec).toMatchObject({ privateKeyPath: '/root/.ssh/id_ed25519' })
    const password = validateProfileForm(sshForm({ auth: 'password', privateKeyPath: '/stale' }), [])
    expect(password.ok && 'privateKeyPath' in password.profile.spec).toBe(false)
  })

  it('refuses a second profile with the same name, but not the profile itself', () => {
    const first = validateProfileForm(sshForm(), [])
    if (!first.ok) throw new Error('first profile refused')
    expect(errorsOf(sshForm({}, 'core ROUTER'), [first.profile]).name).toMatch(/another profile/)
    expect(validateProfileForm(formFromProfile(first.profile), [first.profile]).ok).toBe(true)
  })

  it('builds serial profiles from presets and a custom speed', () => {
    const base = emptyForm('serial')
    const form: ProfileForm = {
      ...base,
      name: 'Console cable',
      serial: {
        ...base.serial,
        path: '/dev/ttyUSB0',
        baud: 'custom',
        customBaud: '250000',
        parity: 'even',
        stopBits: '1.5',
        dataBits: '7',
      },
    }
    const result = validateProfileForm(form, [])
    expect(result.ok && result.profile.spec).toMatchObject({
      path: '/dev/ttyUSB0',
      baudRate: 250000,
      parity: 'even',
      stopBits: 1.5,
      dataBits: 7,
    })
    expect(errorsOf({ ...form, serial: { ...form.serial, customBaud: '' } })['serial.baudRate']).toBe('required')
    expect(errorsOf({ ...form, serial: { ...form.serial, customBaud: '10' } })['serial.baudRate']).toBe('at least 50')
    expect(errorsOf({ ...form, serial: { ...form.serial, path: ' ' } })['serial.path']).toBe('required')
  })

  it('round-trips every kind through the form unchanged', () => {
    const profiles = [
      Profile.parse({ id: 'a', name: 'A', spec: { kind: 'ssh', host: 'h', username: 'u', auth: 'agent', keepaliveSeconds: 0 } }),
      Profile.parse({
        id: 'b',
        name: 'B',
        spec: { kind: 'serial', path: '/dev/pts/5', baudRate: 115200, flowControl: 'rtscts', dtr: false },
      }),
      Profile.parse({ id: 'c', name: 'C', spec: { kind: 'shell', shell: '/bin/bash' } }),
      Profile.parse({
        id: 'd',
        name: 'D',
        spec: { kind: 'practice', lab: 'site-b' },
        log: { enabled: true, mode: 'raw', template: 'x_{date}.log' },
        lineHandling: { sendLineEnding: 'crlf', localEcho: true },
      }),
    ]
    for (const profile of profiles) {
      const result = validateProfileForm(formFromProfile(profile), profiles)
      expect(result.ok && result.profile).toEqual(profile)
    }
  })

  it('checks the log file template with the contract: a name, not a path', () => {
    const form = sshForm()
    expect(errorsOf({ ...form, log: { ...form.log, template: '../x.log' } })['log.template']).toMatch(/file name/)
  })

  it('makes ids from names, unique among the others', () => {
    expect(profileIdFor('Site B — Router #1', [])).toBe('site-b-router-1')
    expect(profileIdFor('R1', ['r1', 'r1-2'])).toBe('r1-3')
    expect(profileIdFor('###', [])).toBe('profile')
  })

  it('turns a telnet form into a console-server profile, with RFC 2217 line settings when asked, and back', () => {
    const base = emptyForm('telnet')
    const form: ProfileForm = {
      ...base,
      name: 'Lab console server line 3',
      telnet: { ...base.telnet, host: '10.0.0.5', port: '2003', comPort: true, baud: '19200', parity: 'even', dataBits: '7' },
    }
    const result = validateProfileForm(form, [])
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.profile.spec).toEqual({
      kind: 'telnet',
      host: '10.0.0.5',
      port: 2003,
      terminalType: 'xterm-256color',
      consoleServer: true,
      comPort: { baudRate: 19200, dataBits: 7, parity: 'even', stopBits: 1 },
    })
    expect(formFromProfile(result.profile).telnet).toEqual(form.telnet)
    const plain = validateProfileForm({ ...form, telnet: { ...form.telnet, comPort: false } }, [])
    expect(plain.ok && plain.profile.spec).not.toHaveProperty('comPort')
  })

  it('says which telnet field is wrong', () => {
    const base = emptyForm('telnet')
    const errors = errorsOf({ ...base, name: 'x', telnet: { ...base.telnet, host: '', port: 'abc' } })
    expect(errors['telnet.host']).toBe('required')
    expect(errors['telnet.port']).toBe('a whole number')
  })
})
