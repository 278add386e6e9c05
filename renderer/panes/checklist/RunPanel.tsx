import { useState } from 'react'
import { getStep, renderText } from '../../../shared/procedure'
import { useLab } from '../../app/context'
import type { RunQuestion } from '../../store/procedure-slice'
import { ConfirmDialog } from './ConfirmDialog'
import { useController } from './controller-context'
import { SecretDialog } from './SecretDialog'

type FingerprintQuestion = Extract<RunQuestion, { kind: 'fingerprint' }>

/** The fingerprint did not match (or could not be checked): loud, and "accept anyway" needs a second yes. */
function FingerprintAlert({ question }: { question: FingerprintQuestion }) {
  const controller = useController()
  const [confirming, setConfirming] = useState(false)
  const title = question.verdict === 'mismatch' ? 'Fingerprint mismatch' : 'Fingerprint cannot be checked'
  return (
    <div className="fingerprint-alert" role="alert">
      <strong>{title}</strong>
      <p>{question.message}</p>
      {question.printed.length > 0 && (
        <dl className="fingerprint-list">
          {question.printed.map((row) => (
            <div key={`p-${row.algorithm}`}>
              <dt>Router printed {row.algorithm}</dt>
              <dd>
                <code>{row.value}</code>
              </dd>
            </div>
          ))}
          {question.expected.map((row) => (
            <div key={`e-${row.label}-${row.algorithm}`}>
              <dt>
                Expected {row.algorithm} ({row.label})
              </dt>
              <dd>
                <code>{row.value}</code>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p>The router is waiting at [yes/no].</p>
      <div className="run-actions">
        <button type="button" className="primary" onClick={() => controller.answerDecision('no')}>
          Answer no
        </button>
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Accept anyway
        </button>
        <button type="button" onClick={() => controller.answerDecision('stop')}>
          Leave it waiting
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title="Accept this certificate anyway?"
          message="The router will trust a certificate whose fingerprint you have not confirmed. Do this only if you know why it differs."
          confirmLabel="Yes, accept it"
          danger
          onConfirm={() => {
            setConfirming(false)
            controller.answerDecision('yes')
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  )
}

function RouterQuestion({ text }: { text: string }) {
  const controller = useController()
  return (
    <div className="router-question" role="alert">
      <p>
        The router asks something this step does not expect: <code>{text}</code>
      </p>
      <div className="run-actions">
        <button type="button" onClick={() => controller.answerDecision('yes')}>
          Answer yes
        </button>
        <button type="button" onClick={() => controller.answerDecision('no')}>
          Answer no
        </button>
        <button type="button" onClick={() => controller.answerDecision('stop')}>
          Stop here
        </button>
      </div>
    </div>
  )
}

/** The step being run: what it is doing, the question it needs answered, and Stop. */
export function RunPanel() {
  const run = useLab((s) => s.checklistRun)
  const site = useLab((s) => s.sites.find((x) => x.id === s.checklistRun?.siteId))
  const controller = useController()
  if (!run) return null
  const step = getStep(run.stepId)
  const title = step && site ? renderText(step.title, site.vars) : run.stepId
  const question = run.question
  return (
    <div className="run-panel" role="region" aria-label="Running step">
      <div className="run-head">
        <span className="spinner" aria-hidden="true" />
        <span>
          <strong>{run.action === 'send' ? 'Sending' : 'Verifying'}</strong> {title}
        </span>
        <button type="button" onClick={() => controller.stop()}>
          Stop
        </button>
      </div>
      <p className="run-message" role="status">
        {run.message}
      </p>
      {question?.kind === 'fingerprint' && <FingerprintAlert question={question} />}
      {question?.kind === 'router-question' && <RouterQuestion text={question.text} />}
      {question?.kind === 'secret' && <SecretDialog key={question.label} question={question} />}
    </div>
  )
}
