import { showClock } from '../clock'
import type { CommandDef, Ctx } from '../context'
import { boardSerial } from '../identity'

/** show version, clock, ntp, ip interface brief. */

function uptime(ctx: Ctx): string {
  const minutes = Math.max(0, Math.floor((ctx.now().getTime() - ctx.runtime.bootedAt.getTime()) / 60_000))
  const hours = Math.floor(minutes / 60)
  const parts = hours > 0 ? [`${hours} hour${hours === 1 ? '' : 's'}`] : []
  parts.push(`${minutes % 60} minute${minutes % 60 === 1 ? '' : 's'}`)
  return parts.join(', ')
}

function showVersion(ctx: Ctx): void {
  const lines = [
    'Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M), Version 15.7(3)M, RELEASE SOFTWARE (fc1)',
    'Technical Support: http://www.cisco.com/techsupport',
    'Copyright (c) 1986-2018 by Cisco Systems, Inc.',
    'Compiled Tue 28-Aug-18 19:20 by prod_rel_team',
    '',
    '*** Simulated router: Lab Console practice router, no hardware and no network. ***',
    '',
    'ROM: System Bootstrap, Version 15.0(1r)M16, RELEASE SOFTWARE (fc1)',
    '',
    `${ctx.state.hostname} uptime is ${uptime(ctx)}`,
    'System returned to ROM by power-on',
    'System image file is "flash0:c2900-universalk9-mz.SPA.157-3.M.bin"',
    'Last reload type: Normal Reload',
    '',
    'Cisco CISCO2921/K9 (revision 1.0) with 487424K/36864K bytes of memory.',
    `Processor board ID ${boardSerial(ctx.state.seed)}`,
    `${ctx.state.interfaces.length} Gigabit Ethernet interfaces`,
    '1 terminal line',
    '1 Voice FXS interface',
    'DRAM configuration is 64 bits wide with parity enabled.',
    '255K bytes of non-volatile configuration memory.',
    '250880K bytes of ATA System CompactFlash 0 (Read/Write)',
    '',
    'License Info:',
    '',
    "Technology Package License Information for Module:'c2900'",
    '',
    '-----------------------------------------------------------------',
    'Technology    Technology-package           Technology-package',
    '              Current       Type           Next reboot',
    '------------------------------------------------------------------',
    'ipbase        ipbasek9      Permanent      ipbasek9',
    'security      securityk9    Permanent      securityk9',
    'uc            uck9          Permanent      uck9',
    'data          None          None           None',
    '',
    'Configuration register is 0x2102',
    '',
  ]
  for (const line of lines) ctx.line(line)
}

function showNtpStatus(ctx: Ctx): void {
  if (ctx.state.ntpServers.length === 0) {
    ctx.line('%NTP is not enabled.')
    return
  }
  if (ctx.runtime.ntpSynced) {
    const ref = ctx.state.ntpServers[0] ?? ''
    const since = ctx.runtime.ntpSyncedAt ?? ctx.now()
    const ago = Math.max(0, Math.floor((ctx.now().getTime() - since.getTime()) / 1000)) % 64
    ctx.line(`Clock is synchronized, stratum 3, reference is ${ref}`)
    ctx.line('nominal freq is 250.0000 Hz, actual freq is 250.0000 Hz, precision is 2**10')
    ctx.line('ntp uptime is 1500 (1/100 of seconds), resolution is 4000')
    ctx.line(`reference time is DA5E7C4A.3F7CED91 (${showClock(since, true)})`)
    ctx.line('clock offset is -0.1100 msec, root delay is 0.89 msec')
    ctx.line('root dispersion is 3.93 msec, peer dispersion is 0.92 msec')
    ctx.line("loopfilter state is 'CTRL' (Normal Controlled Loop), drift is 0.000000000 s/s")
    ctx.line(`system poll interval is 64, last update was ${ago} sec ago.`)
    return
  }
  ctx.line('Clock is unsynchronized, stratum 16, no reference clock')
  ctx.line('nominal freq is 250.0000 Hz, actual freq is 250.0000 Hz, precision is 2**10')
  ctx.line('ntp uptime is 0 (1/100 of seconds), resolution is 4000')
  ctx.line('reference time is 00000000.00000000 (00:00:00.000 UTC Mon Jan 1 1900)')
  ctx.line('clock offset is 0.0000 msec, root delay is 0.00 msec')
  ctx.line('root dispersion is 0.00 msec, peer dispersion is 0.00 msec')
  ctx.line("loopfilter state is 'FSET' (Drift set from file), drift is 0.000000000 s/s")
  ctx.line('system poll interval is 8, last update was 0 sec ago.')
}

function showNtpAssociations(ctx: Ctx): void {
  ctx.line('')
  ctx.line('  address         ref clock       st   when   poll reach  delay  offset   disp')
  ctx.state.ntpServers.forEach((server, i) => {
    const synced = ctx.runtime.ntpSynced && i === 0
    const mark = synced ? '*~' : ' ~'
    const row = synced
      ? `${'.GPS.'.padEnd(16)}  2     21     64   377  0.894  -0.110  0.918`
      : `${'.INIT.'.padEnd(16)} 16      -     64     0  0.000   0.000 15937.`
    ctx.line(`${mark}${server.padEnd(16)}${row}`)
  })
  ctx.line(' * sys.peer, # selected, + candidate, - outlyer, x falseticker, ~ configured')
}

function showIpInterfaceBrief(ctx: Ctx): void {
  ctx.line('Interface                  IP-Address      OK? Method Status                Protocol')
  for (const itf of ctx.state.interfaces) {
    const status = itf.shutdown ? 'administratively down' : 'up'
    const protocol = itf.shutdown ? 'down' : 'up'
    const method = itf.ipAddress ? 'manual' : 'unset '
    ctx.line(`${itf.name.padEnd(27)}${(itf.ipAddress ?? 'unassigned').padEnd(16)}YES ${method} ${status.padEnd(22)}${protocol}`)
  }
}

const SHOW = { show: 'Show running system information' }

export const showSystemCommands: readonly CommandDef[] = [
  {
    modes: ['user', 'exec'],
    syntax: 'show version',
    help: { ...SHOW, version: 'System hardware and software status' },
    run: showVersion,
  },
  {
    modes: ['user', 'exec'],
    syntax: 'show clock',
    help: { clock: 'Display the system clock' },
    run: (ctx) => ctx.line(showClock(ctx.now(), ctx.runtime.ntpSynced)),
  },
  {
    modes: ['user', 'exec'],
    syntax: 'show ntp status',
    help: { ntp: 'Network time protocol', status: 'NTP status' },
    run: showNtpStatus,
  },
  {
    modes: ['user', 'exec'],
    syntax: 'show ntp associations',
    help: { associations: 'NTP associations' },
    run: showNtpAssociations,
  },
  {
    modes: ['user', 'exec'],
    syntax: 'show ip interface brief',
    help: {
      ip: 'IP information',
      interface: 'IP interface status and configuration',
      brief: 'Brief summary of IP status and configuration',
    },
    run: showIpInterfaceBrief,
  },
]
