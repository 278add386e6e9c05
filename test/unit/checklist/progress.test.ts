import { describe, expect, it } from 'vitest'
import { PersistedState } from '../../../shared/contract'
import { exampleSite, getStep, ProcedureProgressSchema, renderReport, stepsOf, StoredStepProgressSchema } from '../../../shared/procedure'
import {
  capEvidence,
  EVIDENCE_MAX_CHARS,
  markCucmConfirmed,
  markDoneByHand,
  markFailed,
  markSent,
  markSkipped,
  markVerified,
  nextStep,
  stepState,
  taskProgress,
} from '../../../renderer/panes/checklist/step-state'
import { selectPersisted } from '../../../renderer/store/persistence'
import { selectActiveSite } from '../../../renderer/store/procedure-slice'
import { storeWithoutHost } from '../workbench/helpers'

const T0 = '2026-02-22T00:01:00.000Z'
const T1 = '2026-02-22T00:02:30.000Z'

describe('step states and their transitions', () => {
  it('maps the stored status onto the six states the checklist shows', () => {
    expect(stepState(undefined)).toBe('not-started')
    expect(stepState({ status: 'pending' })).toBe('not-started')
    expect(stepState({ status: 'in-progress' })).toBe('sent')
    expect(stepState({ status: 'done', doneBy: 'router' })).toBe('verified')
    expect(stepState({ status: 'done', doneBy: 'hand' })).toBe('done-by-hand')
    // Written before doneBy existed: a done step was verified.
    expect(stepState({ status: 'done' })).toBe('verified')
    expect(stepState({ status: 'failed' })).toBe('failed')
    expect(stepState({ status: 'skipped' })).toBe('skipped')
  })

  it('sent → verified keeps the start time and the note, and stamps the end', () => {
    const sent = markSent({ status: 'failed', note: 'second try', startedAt: 'old' }, T0)
    expect(sent).toEqual({ status: 'in-progress', startedAt: T0, note: 'second try' })
    expect(markVerified(sent, 'VG-CME-1#show ntp status\nClock is synchronized', T1)).toEqual({
      status: 'done',
      doneBy: 'router',
      startedAt: T0,
      completedAt: T1,
      evidence: 'VG-CME-1#show ntp status\nClock is synchronized',
      note: 'second try',
    })
  })

  it('failed keeps the evidence; done by hand keeps a trimmed note; skipped drops times', () => {
    expect(markFailed(markSent(undefined, T0), 'out', T1)).toEqual({ status: 'failed', startedAt: T0, completedAt: T1, evidence: 'out' })
    expect(markFailed(undefined, '', T1)).toEqual({ status: 'failed', startedAt: T1, completedAt: T1 })
    expect(markDoneByHand(undefined, '  seen on CUCM  ', T1)).toEqual({
      status: 'done',
      doneBy: 'hand',
      startedAt: T1,
      completedAt: T1,
      note: 'seen on CUCM',
    })
    expect(markDoneByHand({ status: 'in-progress', note: 'kept' }, ' ', T1).note).toBe('kept')
    expect(markSkipped({ status: 'in-progress', startedAt: T0 }, T1)).toEqual({ status: 'skipped', completedAt: T1 })
  })

  it('caps evidence so the state file stays small, and says so', () => {
    const capped = capEvidence('x'.repeat(EVIDENCE_MAX_CHARS + 500))
    expect(capped.length).toBe(EVIDENCE_MAX_CHARS)
    expect(capped).toMatch(/… \(\d+ characters cut\)$/)
    expect(capEvidence('short')).toBe('short')
  })

  it('counts verified, done-by-hand and skipped steps toward a task, and finds where to resume', () => {
    const task1 = stepsOf('task1')
    const progress = {
      't1-01': markVerified(undefined, 'e', T0),
      't1-02': markDoneByHand(undefined, '', T0),
      't1-03': markSkipped(undefined, T0),
      't1-04': markFailed(undefined, 'e', T0),
      't1-05': markSent(undefined, T0),
    }
    expect(taskProgress(task1, progress)).toEqual({ settled: 3, total: 13, failed: 1 })
    expect(nextStep(task1, progress)?.id).toBe('t1-04')
  })

  it('reads progress files written before doneBy existed, and refuses an unknown doneBy', () => {
    const old = { 't1-01': { status: 'done', startedAt: T0, completedAt: T1, evidence: 'x' } }
    expect(ProcedureProgressSchema.parse(old)).toEqual(old)
    const next = { 't1-08': { status: 'done', doneBy: 'hand', note: 'n' } }
    expect(ProcedureProgressSchema.parse(next)).toEqual(next)
    expect(ProcedureProgressSchema.safeParse({ 't1-08': { status: 'done', doneBy: 'robot' } }).success).toBe(false)
  })
})

describe('the procedure slice: sites with their own variables and progress', () => {
  it('adds, renames, switches and deletes sites; progress stays per site', () => {
    const store = storeWithoutHost()
    const s = () => store.getState()
    const a = s().addSite('  Plant A  ')
    const b = s().addSite('')
    expect(s().sites.map((x) => x.name)).toEqual(['Plant A', 'Site'])
    expect(s().activeSiteId).toBe(b)
    s().renameSite(b, 'Plant B')
    s().updateSiteVars(a, { caIp: '10.0.0.1' })
    s().setStepProgress(a, 't1-01', markSent(undefined, T0))
    expect(s().sites.find((x) => x.id === b)?.progress).toEqual({})
    expect(s().sites.find((x) => x.id === b)?.vars.caIp).toBe('')
    s().selectSite(a)
    expect(selectActiveSite(s())?.progress['t1-01']?.status).toBe('in-progress')
    s().setStepMessage(a, 't1-01', { level: 'error', text: 'boom' })
    s().deleteSite(a)
    expect(s().sites.map((x) => x.name)).toEqual(['Plant B'])
    expect(s().activeSiteId).toBe(b)
    expect(s().stepMessages).toEqual({})
    s().selectSite('no-such-site')
    expect(s().activeSiteId).toBe(b)
  })

  it("resets one site's progress and un-sets a single step", () => {
    const store = storeWithoutHost()
    const s = () => store.getState()
    const a = s().addSite('A')
    s().setStepProgress(a, 't1-01', markVerified(undefined, 'e', T0))
    s().setStepProgress(a, 't1-02', markVerified(undefined, 'e', T0))
    s().setStepProgress(a, 't1-02', undefined)
    expect(Object.keys(s().sites[0]?.progress ?? {})).toEqual(['t1-01'])
    s().resetProgress(a)
    expect(s().sites[0]?.progress).toEqual({})
  })

  it('what it persists passes the persisted-state schema, and the live run state is not part of it', () => {
    const store = storeWithoutHost()
    const s = () => store.getState()
    const a = s().addSite('A')
    s().setStepProgress(a, 't1-08', markDoneByHand(undefined, 'downloaded', T0))
    s().setChecklistRun({
      siteId: a,
      stepId: 't1-04',
      action: 'send',
      message: 'x',
      question: { kind: 'secret', label: 'CA passphrase', note: '', confirm: true, minLength: 1 },
    })
    const persisted = JSON.stringify(selectPersisted(s()))
    expect(persisted).not.toContain('CA passphrase')
    expect(persisted).not.toContain('checklistRun')
    const saved = PersistedState.parse(JSON.parse(persisted))
    expect(saved.sites?.[0]?.progress['t1-08']).toMatchObject({ status: 'done', doneBy: 'hand', note: 'downloaded' })
  })
})

describe('a step that depends on CUCM', () => {
  const thirteen = { cucmConfirmation: 'CUCM lists SecureCFB as registered.' }
  const verified = markVerified(undefined, 'show sccp …', '2026-02-22T01:00:00Z')

  it('is not verified by router output alone: it waits for the CUCM side', () => {
    expect(stepState(verified, thirteen)).toBe('awaiting-cucm')
    // A router-only step is verified by the same progress.
    expect(stepState(verified, {})).toBe('verified')
    const step13 = getStep('t1-13')
    if (!step13) throw new Error('no step 13')
    expect(taskProgress([step13], { 't1-13': verified })).toMatchObject({ settled: 0 })
  })

  it('becomes verified once the CUCM side is confirmed (by the engineer now; an API result fills the same field)', () => {
    const confirmed = markCucmConfirmed(verified, { by: 'hand', at: '2026-02-22T01:05:00Z', detail: 'Registered with … CUCMPUB15' })
    expect(stepState(confirmed, thirteen)).toBe('verified')
    expect(confirmed.cucm).toEqual({ by: 'hand', at: '2026-02-22T01:05:00Z', detail: 'Registered with … CUCMPUB15' })
    expect(confirmed.evidence).toMatch(
      /show sccp …\n\nCUCM side confirmed by the engineer at 2026-02-22T01:05:00Z: Registered with … CUCMPUB15$/,
    )
    // Verifying again from the router keeps the confirmation.
    expect(stepState(markVerified(confirmed, 'again', '2026-02-22T01:10:00Z'), thirteen)).toBe('verified')
    const byApi = markCucmConfirmed(verified, { by: 'api', at: 1 })
    expect(stepState(byApi, thirteen)).toBe('verified')
    expect(StoredStepProgressSchema.parse(byApi).cucm?.by).toBe('api')
  })

  it('the report says the CUCM side is not confirmed instead of done', () => {
    const { markdown } = renderReport(exampleSite(), { 't1-13': verified })
    expect(markdown).toMatch(
      /### t1-13 · Add the bridge in CUCM and confirm registration\n\n\*\*Status:\*\* in-progress \(router side verified; CUCM side not confirmed\)/,
    )
    const confirmed = markCucmConfirmed(verified, { by: 'hand', at: '2026-02-22T01:05:00Z' })
    expect(renderReport(exampleSite(), { 't1-13': confirmed }).markdown).toContain(
      '**Status:** done (verified on the router; CUCM side confirmed by the engineer)',
    )
  })
})
