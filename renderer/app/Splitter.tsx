import { useRef, type KeyboardEvent, type PointerEvent } from 'react'

interface SplitterProps {
  /** `vertical`: a bar between left and right panes, dragged sideways. */
  readonly orientation: 'vertical' | 'horizontal'
  readonly label: string
  /** The first pane's share, 0–1. */
  readonly value: number
  readonly min: number
  readonly max: number
  /** While dragging (not saved yet). */
  onPreview(value: number): void
  /** Drag finished, or a key moved it: keep it. */
  onCommit(value: number): void
}

const KEY_STEP = 0.02

/**
 * A pane divider the engineer drags (mouse or touch) or moves with the arrow keys (WAI-ARIA
 * window splitter pattern: role separator with aria-valuenow). The share is measured against the
 * parent element, so the split survives any window size.
 */
export function Splitter({ orientation, label, value, min, max, onPreview, onCommit }: SplitterProps) {
  const dragging = useRef<number | undefined>(undefined)
  const clamp = (v: number): number => Math.min(max, Math.max(min, v))

  const shareAt = (event: PointerEvent<HTMLDivElement>): number | undefined => {
    const parent = event.currentTarget.parentElement
    if (!parent) return undefined
    const box = parent.getBoundingClientRect()
    const share = orientation === 'vertical' ? (event.clientX - box.left) / box.width : (event.clientY - box.top) / box.height
    return Number.isFinite(share) ? clamp(share) : undefined
  }

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    event.currentTarget.setPointerCapture(event.pointerId)
    dragging.current = value
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    if (dragging.current === undefined) return
    const share = shareAt(event)
    if (share === undefined) return
    dragging.current = share
    onPreview(share)
  }
  const onPointerUp = (event: PointerEvent<HTMLDivElement>): void => {
    const last = dragging.current
    dragging.current = undefined
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId)
    if (last !== undefined) onCommit(last)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const less = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp'
    const more = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown'
    const next =
      event.key === less
        ? value - KEY_STEP
        : event.key === more
          ? value + KEY_STEP
          : event.key === 'Home'
            ? min
            : event.key === 'End'
              ? max
              : undefined
    if (next === undefined) return
    event.preventDefault()
    onCommit(clamp(next))
  }

  return (
    <div
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={Math.round(value * 100)}
      aria-valuemin={Math.round(min * 100)}
      aria-valuemax={Math.round(max * 100)}
      tabIndex={0}
      className={`splitter splitter-${orientation}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  )
}
