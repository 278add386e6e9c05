import { useId, useMemo, useState } from 'react'
import type { z } from 'zod'
import type { CucmActionInput, CucmPhone as PhoneSchema } from '../../../../shared/contract/cucm'
import type { SiteRecord } from '../../../../shared/contract'
import { useLab, useLabContext } from '../../../app/context'
import { useController } from '../controller-context'
import { addToWorkbench } from '../add-to-workbench'
import { cucmUploadSet, parseWorkbench } from '../workbench-certs'
import { useCucm } from './cucm-context'
import { PlanAndApply, evidenceOf } from './PlanAndApply'

/** Steps whose CUCM half runs through CUCM's APIs. */
export const CUCM_ACTION_STEPS = new Set(['t1-08', 't1-11', 't1-13', 't3-01', 't3-02', 't3-03'])

type Phone = z.infer<typeof PhoneSchema>

/** The CUCM actions of one step: each shows what it will change and asks before changing it. */
export function CucmStepActions({ stepId, site }: { stepId: string; site: SiteRecord }) {
  const cucm = useCucm()
  const status = cucm.status(site.id)
  if (!CUCM_ACTION_STEPS.has(stepId)) return null
  if (status.state !== 'connected') return <p className="hint cucm-hint">Connect CUCM (above) to do this step through CUCM&apos;s APIs.</p>
  const nodes = status.nodes.map((n) => n.name)
  return (
    <div className="cucm-step-actions">
      {stepId === 't1-08' && <FetchCallManager site={site} />}
      {stepId === 't1-11' && <TrustAndRestart site={site} nodes={nodes} />}
      {stepId === 't1-13' && <BridgeAndRegistration site={site} />}
      {(stepId === 't3-01' || stepId === 't3-02') && <MediaResources site={site} />}
      {stepId === 't3-03' && <AssignMrgl site={site} />}
    </div>
  )
}

function FetchCallManager({ site }: { site: SiteRecord }) {
  const { transport, store } = useLabContext()
  const controller = useController()
  const [problem, setProblem] = useState<string>()
  const fetchPems = async (): Promise<void> => {
    setProblem(undefined)
    try {
      const { certificates } = await transport.invoke('cucm.callManagerPem', { site: site.id })
      const lines: string[] = []
      for (const cert of certificates) {
        const entry = await addToWorkbench(store, cert.pem, `CallManager.pem (${cert.node})`)
        if (entry && cert === certificates[0]) store.getState().chooseCallManagerCert(entry.kept.id)
        lines.push(`- ${cert.node}: CallManager.pem SHA-256 ${cert.sha256}`)
      }
      controller.recordCucm('t1-08', `CUCM certificate API: CallManager.pem fetched into the workbench\n${lines.join('\n')}`, true)
    } catch (error) {
      setProblem((error as Error).message)
    }
  }
  return (
    <div className="cucm-action">
      <button type="button" onClick={() => void fetchPems()}>
        Fetch CallManager.pem from CUCM
      </button>
      {problem && (
        <p className="step-message error cucm-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}

function TrustAndRestart({ site, nodes }: { site: SiteRecord; nodes: string[] }) {
  const controller = useController()
  const certificates = useLab((s) => s.certificates)
  const [uploadedAt, setUploadedAt] = useState<string>()
  const set = useMemo(() => cucmUploadSet(parseWorkbench(certificates), site.vars), [certificates, site.vars])
  const upload: CucmActionInput | undefined = set.ok
    ? { kind: 'uploadTrust', certificates: set.files.map((f) => ({ name: f.name, pem: f.contents })), nodes }
    : undefined
  const restart: CucmActionInput = { kind: 'restartCallManager', nodes, ...(uploadedAt ? { uploadedAt } : {}) }
  return (
    <>
      <PlanAndApply
        siteId={site.id}
        action={upload}
        {...(set.ok ? {} : { notReady: set.reason })}
        label={`Upload ${site.vars.caName}.pem and ${site.vars.bridgeName}.pem to CallManager-trust`}
        confirmLabel={() => 'Upload'}
        onDone={(result, plan) => {
          setUploadedAt(new Date(Date.parse(result.completedAt) - 1).toISOString())
          controller.recordCucm('t1-11', evidenceOf(plan, result), false)
        }}
      />
      <PlanAndApply
        siteId={site.id}
        action={restart}
        label="Restart Cisco CallManager"
        danger
        confirmLabel={(plan) => `Restart Cisco CallManager on ${plan.changes.map((c) => c.node).join(', ')} now`}
        onDone={(result, plan) => controller.recordCucm('t1-11', evidenceOf(plan, result), true)}
      />
    </>
  )
}

function BridgeAndRegistration({ site }: { site: SiteRecord }) {
  const { transport } = useLabContext()
  const controller = useController()
  const id = useId()
  const progress = site.progress['t1-13']
  const [lists, setLists] = useState<{ devicePools: string[]; locations: string[] }>()
  const [pool, setPool] = useState('')
  const [location, setLocation] = useState('Hub_None')
  const [message, setMessage] = useState<{ level: 'info' | 'error'; text: string }>()
  const name = site.vars.bridgeName

  const loadLists = async (): Promise<void> => {
    try {
      const read = await transport.invoke('cucm.lists', { site: site.id })
      setLists(read)
      setPool((p) => p || read.devicePools[0] || '')
    } catch (error) {
      setMessage({ level: 'error', text: (error as Error).message })
    }
  }

  const checkRegistration = async (): Promise<void> => {
    setMessage(undefined)
    try {
      const ris = await transport.invoke('cucm.registration', { site: site.id, name })
      const registered = ris.devices.find((d) => d.status === 'Registered')
      if (!registered) return setMessage({ level: 'error', text: `RisPort70: ${ris.summary}` })
      const node = site.vars.cucmNodes.find((n) => n.name.toLowerCase() === registered.node.toLowerCase())
      const routerSays = progress?.status === 'done' ? (progress.evidence ?? '') : ''
      const activeCm = /Active Call Manager: (\S+), Port Number: (\d+)/.exec(routerSays)
      if (!activeCm)
        return setMessage({
          level: 'error',
          text: `RisPort70: ${ris.summary} Verify from the router first (show sccp), so both sides can be compared.`,
        })
      if (node && node.ip !== activeCm[1]) {
        return setMessage({
          level: 'error',
          text: `The two sides disagree: CUCM has ${name} on ${registered.node} (${node.ip}), the router's active call manager is ${activeCm[1]}.`,
        })
      }
      controller.confirmCucmByApi(
        't1-13',
        `RisPort70 selectCmDevice: ${ris.summary} Router show sccp: Active Call Manager: ${activeCm[1]}, Port Number: ${activeCm[2]}.`,
      )
      setMessage({ level: 'info', text: `Both sides agree: ${ris.summary}` })
    } catch (error) {
      setMessage({ level: 'error', text: (error as Error).message })
    }
  }

  const action: CucmActionInput | undefined =
    lists && pool && location ? { kind: 'addConferenceBridge', name, devicePoolName: pool, locationName: location } : undefined
  return (
    <>
      {!lists ? (
        <button type="button" onClick={() => void loadLists()}>
          Read device pools and locations from CUCM
        </button>
      ) : (
        <div className="cucm-pickers">
          <label htmlFor={`${id}-pool`}>Device pool</label>
          <select id={`${id}-pool`} value={pool} onChange={(e) => setPool(e.target.value)}>
            {lists.devicePools.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
          <label htmlFor={`${id}-loc`}>Location</label>
          <select id={`${id}-loc`} value={location} onChange={(e) => setLocation(e.target.value)}>
            {lists.locations.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </div>
      )}
      <PlanAndApply
        siteId={site.id}
        action={action}
        {...(action ? {} : { notReady: 'Pick the device pool and location first.' })}
        label={`Add conference bridge ${name}`}
        confirmLabel={() => 'Add the conference bridge'}
        onDone={(result, plan) => controller.recordCucm('t1-13', evidenceOf(plan, result), false)}
      />
      <div className="cucm-action">
        <button type="button" onClick={() => void checkRegistration()}>
          Check registration on CUCM (RisPort70)
        </button>
        {message && (
          <p className={`step-message ${message.level} cucm-registration`} role={message.level === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </div>
    </>
  )
}

function MediaResources({ site }: { site: SiteRecord }) {
  const controller = useController()
  return (
    <PlanAndApply
      siteId={site.id}
      action={{ kind: 'mediaResources', bridgeName: site.vars.bridgeName }}
      label={`Create MRG_${site.vars.bridgeName} and MRGL_${site.vars.bridgeName}`}
      confirmLabel={() => 'Create them'}
      onDone={(result, plan) => {
        const text = evidenceOf(plan, result)
        controller.recordCucm('t3-01', text, true)
        controller.recordCucm('t3-02', text, true)
      }}
    />
  )
}

function AssignMrgl({ site }: { site: SiteRecord }) {
  const { transport } = useLabContext()
  const controller = useController()
  const id = useId()
  const [search, setSearch] = useState('')
  const [phones, setPhones] = useState<Phone[]>([])
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set())
  const [problem, setProblem] = useState<string>()
  const mrgl = `MRGL_${site.vars.bridgeName}`
  const find = async (): Promise<void> => {
    setProblem(undefined)
    try {
      setPhones((await transport.invoke('cucm.phones', { site: site.id, search })).phones)
    } catch (error) {
      setProblem((error as Error).message)
    }
  }
  const toggle = (name: string): void =>
    setChosen((c) => {
      const next = new Set(c)
      if (next.has(name)) next.delete(name)
      else next.add(name)
      return next
    })
  return (
    <>
      <div className="cucm-phones">
        <label htmlFor={`${id}-search`}>Find phones (name or description)</label>
        <input id={`${id}-search`} value={search} maxLength={64} onChange={(e) => setSearch(e.target.value)} />
        <button type="button" onClick={() => void find()}>
          Search CUCM
        </button>
        <ul>
          {phones.map((p) => (
            <li key={p.name}>
              <label>
                <input type="checkbox" checked={chosen.has(p.name)} onChange={() => toggle(p.name)} /> {p.name} {p.description} (
                {p.mediaResourceListName || 'no MRGL'})
              </label>
            </li>
          ))}
        </ul>
        {problem && (
          <p className="step-message error" role="alert">
            {problem}
          </p>
        )}
      </div>
      <PlanAndApply
        siteId={site.id}
        action={chosen.size > 0 ? { kind: 'assignMrgl', mrglName: mrgl, phones: [...chosen] } : undefined}
        {...(chosen.size > 0 ? {} : { notReady: 'Choose the phones first.' })}
        label={`Assign ${mrgl} to the chosen phones`}
        confirmLabel={() => 'Assign and apply config'}
        onDone={(result, plan) => controller.recordCucm('t3-03', evidenceOf(plan, result), true)}
      />
    </>
  )
}
