/**
 * The CUCM steps as idempotent actions. Each reads CUCM first and plans: what it will change
 * (in order), what is already right, what blocks it. Applying re-plans and runs the plan only if
 * it is still the one the user saw (same hash), so a change made elsewhere in between, or a
 * second click, never duplicates anything.
 */
import { createHash, X509Certificate } from 'node:crypto'
import { PRODUCT_IOS_ENHANCED_CFB } from './axl'
import { CucmError } from './errors'
import { CALLMANAGER_SERVICE } from './serviceability'
import type { SiteConnection } from './site-connection'
import type { CucmAction, CucmApplyResult, CucmChange, CucmPlan } from '../../../shared/contract/cucm'

interface Step extends CucmChange {
  run(): Promise<string>
}

interface Planned {
  readonly summary: string
  readonly steps: Step[]
  readonly unchanged: string[]
  readonly warnings: string[]
  readonly blockers: string[]
}

export interface ActionOptions {
  /** How long a restarted CallManager may take to report Started. */
  readonly restartTimeoutMs: number
  readonly restartPollMs: number
}

export const DEFAULT_ACTION_OPTIONS: ActionOptions = { restartTimeoutMs: 15 * 60_000, restartPollMs: 5_000 }

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const clip = (s: string, n = 2000): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

export function certificateFacts(pem: string): { sha256: string; subject: string } {
  const cert = new X509Certificate(pem)
  return { sha256: cert.fingerprint256, subject: cert.subject.replace(/\n/g, ', ') }
}

/** CN of the bridge certificate: the conference bridge's name on CUCM. */
export function mrgName(bridge: string): string {
  return `MRG_${bridge}`
}
export function mrglName(bridge: string): string {
  return `MRGL_${bridge}`
}

async function planUploadTrust(site: SiteConnection, action: Extract<CucmAction, { kind: 'uploadTrust' }>): Promise<Planned> {
  const nodes = action.nodes.length > 0 ? action.nodes.map((n) => site.node(n)) : site.groupNodes()
  const steps: Step[] = []
  const unchanged: string[] = []
  const blockers: string[] = []
  const certs = action.certificates.flatMap((c) => {
    try {
      return [{ ...c, ...certificateFacts(c.pem) }]
    } catch (error) {
      blockers.push(`${c.name} is not a readable certificate: ${(error as Error).message}`)
      return []
    }
  })
  for (const node of nodes) {
    const platform = site.platform(node)
    const trusted = new Set(
      (await platform.trusted()).flatMap((pem) => {
        try {
          return [certificateFacts(pem).sha256]
        } catch {
          return []
        }
      }),
    )
    const missing = certs.filter((c) => !trusted.has(c.sha256))
    for (const c of certs.filter((x) => trusted.has(x.sha256)))
      unchanged.push(`${c.name} (${c.subject}) is already in CallManager-trust on ${node.name}.`)
    if (missing.length === 0) continue
    steps.push({
      node: node.name,
      operation: 'POST trust/certificates',
      description: `Upload to CallManager-trust on ${node.name} — new: ${missing.map((c) => `${c.name} (${c.subject}, SHA-256 ${c.sha256})`).join('; ')}`,
      run: () =>
        platform.uploadTrust(
          missing.map((c) => c.pem),
          `Lab Console: ${missing.map((c) => c.name).join(', ')}`,
        ),
    })
  }
  return {
    summary: steps.length === 0 ? 'CallManager-trust already holds every certificate.' : `${steps.length} upload(s) to CallManager-trust.`,
    steps,
    unchanged,
    warnings:
      steps.length > 0
        ? ["Cisco CallManager reads CallManager-trust when it starts: restart it on the group's nodes after the upload."]
        : [],
    blockers,
  }
}

async function planRestart(
  site: SiteConnection,
  action: Extract<CucmAction, { kind: 'restartCallManager' }>,
  options: ActionOptions,
): Promise<Planned> {
  const nodes = action.nodes.map((n) => site.node(n))
  const after = action.uploadedAt ? Date.parse(action.uploadedAt) : NaN
  const steps: Step[] = []
  const unchanged: string[] = []
  for (const node of nodes) {
    const control = site.control(node)
    const info = (await control.status()).services.find((s) => s.serviceName === CALLMANAGER_SERVICE)
    const started = info ? Date.parse(info.startTime) : NaN
    if (info?.status === 'Started' && Number.isFinite(after) && Number.isFinite(started) && started > after) {
      unchanged.push(`${CALLMANAGER_SERVICE} on ${node.name} started at ${info.startTime}, after the upload: no restart needed.`)
      continue
    }
    steps.push({
      node: node.name,
      operation: 'soapDoControlServices Restart',
      description: `Restart ${CALLMANAGER_SERVICE} on ${node.name} (${node.host}); now ${info ? `${info.status}${info.startTime ? ` since ${info.startTime}` : ''}` : 'status unknown'}.`,
      run: async () => {
        const answer = await control.restart(node.name)
        const deadline = Date.now() + options.restartTimeoutMs
        for (;;) {
          const now = (await control.status()).services.find((s) => s.serviceName === CALLMANAGER_SERVICE)
          if (now?.status === 'Started')
            return `Restart: ${answer.returnCode} ${answer.reason}`.trim() + `; ${CALLMANAGER_SERVICE} Started at ${now.startTime}`
          if (Date.now() > deadline) {
            throw new CucmError({
              kind: 'timeout',
              node: `${node.host}:${node.port}`,
              message: `${CALLMANAGER_SERVICE} on ${node.name} did not report Started within ${Math.round(options.restartTimeoutMs / 60_000)} min (last: ${now?.status ?? 'unknown'}).`,
              hint: 'Look at Cisco Unified Serviceability → Control Center on that node.',
            })
          }
          await sleep(options.restartPollMs)
        }
      },
    })
  }
  return {
    summary:
      steps.length === 0
        ? 'Cisco CallManager already restarted after the upload on every node.'
        : `Restart Cisco CallManager on ${steps.map((s) => s.node).join(', ')}.`,
    steps,
    unchanged,
    warnings:
      steps.length > 0
        ? [
            `Restarting ${CALLMANAGER_SERVICE} on ${steps.map((s) => s.node).join(', ')} drops the calls in progress on those nodes; phones and gateways registered there move to another node or re-register. Do it in a maintenance window.`,
          ]
        : [],
    blockers: [],
  }
}

async function planBridge(site: SiteConnection, action: Extract<CucmAction, { kind: 'addConferenceBridge' }>): Promise<Planned> {
  const axl = site.axl()
  const existing = await axl.getConferenceBridge(action.name)
  const wanted = {
    product: PRODUCT_IOS_ENHANCED_CFB,
    devicePoolName: action.devicePoolName,
    locationName: action.locationName,
    securityProfileName: action.securityProfileName,
  }
  if (existing) {
    const differences = (Object.keys(wanted) as (keyof typeof wanted)[])
      .filter((key) => existing[key].toLowerCase() !== wanted[key].toLowerCase())
      .map((key) => `${key} is "${existing[key]}", wanted "${wanted[key]}"`)
    if (differences.length === 0)
      return {
        summary: `Conference bridge ${existing.name} already exists as wanted.`,
        steps: [],
        unchanged: [
          `Conference bridge ${existing.name}: ${PRODUCT_IOS_ENHANCED_CFB}, ${existing.devicePoolName}, ${existing.locationName}, ${existing.securityProfileName}.`,
        ],
        warnings: [],
        blockers: [],
      }
    return {
      summary: `A conference bridge named ${existing.name} exists with other settings.`,
      steps: [],
      unchanged: [],
      warnings: [],
      blockers: [
        `Conference bridge ${existing.name} exists but ${differences.join('; ')}. Correct it in CUCM Administration → Media Resources → Conference Bridge (this action never changes an existing bridge).`,
      ],
    }
  }
  const [pools, locations] = await Promise.all([axl.listDevicePools(), axl.listLocations()])
  const blockers: string[] = []
  if (!pools.some((p) => p.toLowerCase() === action.devicePoolName.toLowerCase()))
    blockers.push(`Device pool "${action.devicePoolName}" does not exist. Valid device pools: ${pools.join(', ') || '(none)'}.`)
  if (!locations.some((l) => l.toLowerCase() === action.locationName.toLowerCase()))
    blockers.push(`Location "${action.locationName}" does not exist. Valid locations: ${locations.join(', ') || '(none)'}.`)
  return {
    summary: `Add conference bridge ${action.name}.`,
    steps: [
      {
        operation: 'AXL addConferenceBridge',
        description: `Add conference bridge ${action.name}: product ${PRODUCT_IOS_ENHANCED_CFB}, device pool ${action.devicePoolName}, location ${action.locationName}, device security mode ${action.securityProfileName}.`,
        run: async () => {
          try {
            const uuid = await axl.addConferenceBridge({
              name: action.name,
              ...wanted,
              ...(action.description ? { description: action.description } : {}),
            })
            return `addConferenceBridge returned ${uuid}`
          } catch (error) {
            if (
              error instanceof CucmError &&
              error.kind === 'axl-fault' &&
              /device pool/i.test(error.details.axlmessage ?? error.message)
            ) {
              throw new CucmError({
                ...error.details,
                hint: `Pick one of the device pools CUCM has: ${(await axl.listDevicePools()).join(', ')}.`,
              })
            }
            throw error
          }
        },
      },
    ],
    unchanged: [],
    warnings: [],
    blockers,
  }
}

async function planMediaResources(site: SiteConnection, action: Extract<CucmAction, { kind: 'mediaResources' }>): Promise<Planned> {
  const axl = site.axl()
  const bridge = action.bridgeName
  const group = mrgName(bridge)
  const list = mrglName(bridge)
  const steps: Step[] = []
  const unchanged: string[] = []
  const blockers: string[] = []
  if (!(await axl.getConferenceBridge(bridge))) blockers.push(`Conference bridge ${bridge} does not exist yet: add it first.`)
  const mrg = await axl.getMediaResourceGroup(group)
  if (!mrg) {
    steps.push({
      operation: 'AXL addMediaResourceGroup',
      description: `Add media resource group ${group} with member ${bridge} (multicast off).`,
      run: async () =>
        `addMediaResourceGroup returned ${await axl.addMediaResourceGroup(group, bridge, `Secure conference bridge ${bridge}`)}`,
    })
  } else if (mrg.members.some((m) => m.toLowerCase() === bridge.toLowerCase())) {
    unchanged.push(`Media resource group ${group} already holds ${bridge}.`)
  } else {
    blockers.push(
      `Media resource group ${group} exists without ${bridge} (members: ${mrg.members.join(', ') || 'none'}). Add ${bridge} to it in CUCM Administration.`,
    )
  }
  const mrgl = await axl.getMediaResourceList(list)
  if (!mrgl) {
    steps.push({
      operation: 'AXL addMediaResourceList',
      description: `Add media resource group list ${list} holding ${group}.`,
      run: async () => `addMediaResourceList returned ${await axl.addMediaResourceList(list, group)}`,
    })
  } else if (mrgl.groups.some((g) => g.toLowerCase() === group.toLowerCase())) {
    unchanged.push(`Media resource group list ${list} already holds ${group}.`)
  } else {
    blockers.push(
      `Media resource group list ${list} exists without ${group} (groups: ${mrgl.groups.join(', ') || 'none'}). Add ${group} to it in CUCM Administration.`,
    )
  }
  return {
    summary:
      steps.length === 0
        ? `${group} and ${list} are already in place.`
        : `Create ${steps.map((s) => s.operation.replace('AXL add', '')).join(' and ')}.`,
    steps,
    unchanged,
    warnings: [],
    blockers,
  }
}

async function planAssign(site: SiteConnection, action: Extract<CucmAction, { kind: 'assignMrgl' }>): Promise<Planned> {
  const axl = site.axl()
  const steps: Step[] = []
  const unchanged: string[] = []
  const blockers: string[] = []
  if (!(await axl.getMediaResourceList(action.mrglName)))
    blockers.push(`Media resource group list ${action.mrglName} does not exist yet: create it first.`)
  if (action.phones.length === 0 && !action.devicePoolName) blockers.push('Choose phones or a device pool.')
  for (const name of action.phones) {
    const phone = (await axl.listPhones(name)).phones.find((p) => p.name.toLowerCase() === name.toLowerCase())
    if (!phone) {
      blockers.push(`Phone ${name} was not found.`)
      continue
    }
    if (phone.mediaResourceListName.toLowerCase() === action.mrglName.toLowerCase()) {
      unchanged.push(`Phone ${phone.name} already uses ${action.mrglName}.`)
      continue
    }
    steps.push({
      operation: 'AXL updatePhone + applyPhone',
      description: `Phone ${phone.name}${phone.description ? ` (${phone.description})` : ''}: media resource group list "${phone.mediaResourceListName || 'None'}" → ${action.mrglName}, then apply config (the phone restarts).`,
      run: async () =>
        `updatePhone returned ${await axl.updatePhoneMrgl(phone.name, action.mrglName)}; applyPhone returned ${await axl.applyPhone(phone.name)}`,
    })
  }
  if (action.devicePoolName) {
    const pool = action.devicePoolName
    const current = await axl.getDevicePoolMrgl(pool)
    if (current === undefined)
      blockers.push(`Device pool ${pool} does not exist. Valid device pools: ${(await axl.listDevicePools()).join(', ')}.`)
    else if (current.toLowerCase() === action.mrglName.toLowerCase()) unchanged.push(`Device pool ${pool} already uses ${action.mrglName}.`)
    else
      steps.push({
        operation: 'AXL updateDevicePool',
        description: `Device pool ${pool}: media resource group list "${current || 'None'}" → ${action.mrglName} (every device in the pool that has no list of its own uses it).`,
        run: async () => `updateDevicePool returned ${await axl.updateDevicePoolMrgl(pool, action.mrglName)}`,
      })
  }
  return {
    summary:
      steps.length === 0 ? `Everything chosen already uses ${action.mrglName}.` : `${steps.length} change(s) to use ${action.mrglName}.`,
    steps,
    unchanged,
    warnings: steps.some((s) => s.operation.includes('applyPhone'))
      ? ['applyPhone makes each changed phone reload its configuration (a call in progress on it may drop).']
      : [],
    blockers,
  }
}

function planFor(site: SiteConnection, action: CucmAction, options: ActionOptions): Promise<Planned> {
  switch (action.kind) {
    case 'uploadTrust':
      return planUploadTrust(site, action)
    case 'restartCallManager':
      return planRestart(site, action, options)
    case 'addConferenceBridge':
      return planBridge(site, action)
    case 'mediaResources':
      return planMediaResources(site, action)
    case 'assignMrgl':
      return planAssign(site, action)
  }
}

function publicPlan(action: CucmAction, planned: Planned, readOnly: boolean): CucmPlan {
  const changes = planned.steps.map(({ node, operation, description }) => ({
    ...(node ? { node } : {}),
    operation,
    description: clip(description),
  }))
  const planHash = createHash('sha256')
    .update(JSON.stringify({ action, changes, blockers: planned.blockers }))
    .digest('hex')
  return {
    kind: action.kind,
    summary: clip(readOnly && changes.length > 0 ? `${planned.summary} (read-only connection: nothing will be changed)` : planned.summary),
    changes,
    unchanged: planned.unchanged.map((u) => clip(u)),
    warnings: planned.warnings.map((w) => clip(w)),
    blockers: planned.blockers.map((b) => clip(b, 4000)),
    readOnly,
    planHash,
  }
}

export async function planAction(
  site: SiteConnection,
  action: CucmAction,
  options: ActionOptions = DEFAULT_ACTION_OPTIONS,
): Promise<CucmPlan> {
  return publicPlan(action, await planFor(site, action, options), site.spec.readOnly)
}

export async function applyAction(
  site: SiteConnection,
  action: CucmAction,
  planHash: string,
  options: ActionOptions = DEFAULT_ACTION_OPTIONS,
): Promise<CucmApplyResult> {
  if (site.spec.readOnly) {
    throw new CucmError({
      kind: 'read-only',
      message: 'This site is connected read-only: it verifies and never changes CUCM.',
      hint: 'Connect without read-only to make changes.',
    })
  }
  const planned = await planFor(site, action, options)
  const plan = publicPlan(action, planned, false)
  if (plan.planHash !== planHash) {
    throw new CucmError({
      kind: 'plan-changed',
      message: 'CUCM is not as it was when the plan was shown; nothing was changed.',
      hint: 'Look at the plan again and confirm what it now says.',
    })
  }
  if (plan.blockers.length > 0) {
    throw new CucmError({ kind: 'plan-changed', message: `The plan cannot be applied: ${plan.blockers.join(' ')}` })
  }
  const results: CucmApplyResult['results'] = []
  for (const step of planned.steps) {
    let answer: string
    try {
      answer = await step.run()
    } catch (error) {
      if (results.length === 0 || !(error instanceof CucmError)) throw error
      // Say what was already changed: the user must know what CUCM now holds.
      throw new CucmError({
        ...error.details,
        message: `${error.details.message} (${results.length} of ${planned.steps.length} changes were made before this one: ${results.map((r) => r.description).join(' | ')})`,
      })
    }
    results.push({ description: clip(step.description), operation: step.operation, answer: clip(answer) })
  }
  return {
    kind: action.kind,
    summary: clip(results.length === 0 ? `Nothing to change: ${planned.summary}` : `Done: ${planned.summary}`),
    results,
    completedAt: new Date().toISOString(),
  }
}
