import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { ISearchOptions, SearchAddon } from '@xterm/addon-search'

const DECORATIONS: NonNullable<ISearchOptions['decorations']> = {
  matchBackground: '#5a4a00',
  activeMatchBackground: '#d29922',
  matchOverviewRuler: '#d29922',
  activeMatchColorOverviewRuler: '#ffffff',
}

function countText(results: { resultIndex: number; resultCount: number } | undefined, term: string): string {
  if (!term || !results) return ''
  if (results.resultCount === 0) return 'No matches'
  if (results.resultIndex < 0) return `${results.resultCount}+ matches`
  return `${results.resultIndex + 1} of ${results.resultCount}`
}

/** Find in the terminal's scrollback: next/previous, regex and case toggles, match count. */
export function SearchBar({ search, onClose }: { search: SearchAddon; onClose: () => void }) {
  const input = useRef<HTMLInputElement>(null)
  const [term, setTerm] = useState('')
  const [regex, setRegex] = useState(false)
  const [caseSensitive, setCaseSensitive] = useState(false)
  const [results, setResults] = useState<{ resultIndex: number; resultCount: number }>()
  const [invalid, setInvalid] = useState(false)

  useEffect(() => {
    input.current?.focus()
    const sub = search.onDidChangeResults((r) => setResults(r))
    return () => {
      sub.dispose()
      search.clearDecorations()
    }
  }, [search])

  const find = (direction: 'next' | 'previous', text = term, incremental = false): void => {
    if (!text) {
      search.clearDecorations()
      setResults(undefined)
      return
    }
    const options: ISearchOptions = { regex, caseSensitive, incremental, decorations: DECORATIONS }
    try {
      new RegExp(regex ? text : '')
      setInvalid(false)
    } catch {
      setInvalid(true)
      return
    }
    const found = direction === 'next' ? search.findNext(text, options) : search.findPrevious(text, options)
    if (!found) setResults({ resultIndex: -1, resultCount: 0 })
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault()
      find(e.shiftKey ? 'previous' : 'next')
    } else if (e.key === 'Escape') {
      e.preventDefault()
      onClose()
    }
  }

  return (
    <div className="search-bar" role="search" aria-label="Search in terminal">
      <input
        ref={input}
        aria-label="Search terminal"
        value={term}
        spellCheck={false}
        aria-invalid={invalid ? true : undefined}
        onChange={(e) => {
          setTerm(e.target.value)
          find('next', e.target.value, true)
        }}
        onKeyDown={onKeyDown}
      />
      <button type="button" aria-label="Previous match" onClick={() => find('previous')}>
        ↑
      </button>
      <button type="button" aria-label="Next match" onClick={() => find('next')}>
        ↓
      </button>
      <button type="button" aria-pressed={regex} aria-label="Regular expression" onClick={() => setRegex((v) => !v)}>
        .*
      </button>
      <button type="button" aria-pressed={caseSensitive} aria-label="Match case" onClick={() => setCaseSensitive((v) => !v)}>
        Aa
      </button>
      <span className="search-count" role="status" aria-live="polite">
        {invalid ? 'Invalid regular expression' : countText(results, term)}
      </span>
      <button type="button" aria-label="Close search" onClick={onClose}>
        ×
      </button>
    </div>
  )
}
