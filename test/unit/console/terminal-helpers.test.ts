import { describe, expect, it } from 'vitest'
import { SerialSpec } from '../../../shared/contract'
import { BAUD_PRESETS, describeSerial, isBaudPreset, parseFrame } from '../../../renderer/panes/console/serial-options'
import { FONT_DEFAULT, FONT_MAX, FONT_MIN, zoomFont } from '../../../renderer/panes/console/zoom'
import { needsPasteConfirmation, pasteLineCount } from '../../../renderer/panes/console/paste'
import { readFileSync } from 'node:fs'
import { SHORTCUTS, consoleKeyAction, type KeyInput } from '../../../renderer/panes/console/key-bindings'
import { chooseRenderer, isSoftwareRenderer } from '../../../renderer/panes/console/renderer-choice'
import { Settings } from '../../../shared/contract'

describe('baud presets and frames', () => {
  it('offers the usual console speeds from 1200 to 921600, each accepted by the contract', () => {
    expect(BAUD_PRESETS[0]).toBe(1200)
    expect(BAUD_PRESETS.at(-1)).toBe(921600)
    expect([...BAUD_PRESETS].sort((a, b) => a - b)).toEqual([...BAUD_PRESETS])
    for (const baudRate of BAUD_PRESETS) expect(SerialSpec.safeParse({ kind: 'serial', path: '/dev/x', baudRate }).success).toBe(true)
    expect(isBaudPreset(9600)).toBe(true)
    expect(isBaudPreset(250000)).toBe(false)
  })

  it('reads frames as written on labels', () => {
    expect(parseFrame('8N1')).toEqual({ dataBits: 8, parity: 'none', stopBits: 1 })
    expect(parseFrame('7e2')).toEqual({ dataBits: 7, parity: 'even', stopBits: 2 })
    expect(parseFrame('5M1.5')).toEqual({ dataBits: 5, parity: 'mark', stopBits: 1.5 })
    expect(parseFrame('9N1')).toBeUndefined()
    expect(parseFrame('8X1')).toBeUndefined()
    expect(describeSerial(SerialSpec.parse({ kind: 'serial', path: '/dev/x', parity: 'odd' }))).toBe('9600 8O1')
  })
})

describe('font zoom', () => {
  it('stays inside what the settings schema accepts', () => {
    expect(Settings.shape.fontSize.safeParse(FONT_MIN).success).toBe(true)
    expect(Settings.shape.fontSize.safeParse(FONT_MAX).success).toBe(true)
    expect(Settings.shape.fontSize.safeParse(FONT_MAX + 1).success).toBe(false)
    expect(zoomFont(FONT_MAX, 'in')).toBe(FONT_MAX)
    expect(zoomFont(FONT_MIN, 'out')).toBe(FONT_MIN)
    expect(zoomFont(47, 'in')).toBe(FONT_MAX)
  })

  it('steps by one, by two at large sizes, and resets to the default', () => {
    expect(zoomFont(14, 'in')).toBe(15)
    expect(zoomFont(14, 'out')).toBe(13)
    expect(zoomFont(30, 'in')).toBe(32)
    expect(zoomFont(30, 'reset')).toBe(FONT_DEFAULT)
    expect(FONT_DEFAULT).toBe(Settings.parse({}).fontSize)
  })
})

describe('paste checks', () => {
  it('counts lines, ignoring the final line break of a copied block', () => {
    expect(pasteLineCount('')).toBe(0)
    expect(pasteLineCount('show version')).toBe(1)
    expect(pasteLineCount('show version\n')).toBe(1)
    expect(pasteLineCount('a\r\nb\rc\n')).toBe(3)
  })

  it('asks only for several lines, and only when the setting says so', () => {
    expect(needsPasteConfirmation('one line\n', true)).toBe(false)
    expect(needsPasteConfirmation('a\nb', true)).toBe(true)
    expect(needsPasteConfirmation('a\nb', false)).toBe(false)
  })
})

describe('console key bindings', () => {
  const key = (patch: Partial<KeyInput>): KeyInput => ({
    type: 'keydown',
    key: '',
    code: '',
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    metaKey: false,
    ...patch,
  })

  it('takes search, zoom and BREAK', () => {
    expect(consoleKeyAction(key({ key: 'F', code: 'KeyF', ctrlKey: true, shiftKey: true }))).toBe('search')
    expect(consoleKeyAction(key({ key: 'D', code: 'KeyD', ctrlKey: true, shiftKey: true }))).toBe('disconnect')
    expect(consoleKeyAction(key({ key: 'R', code: 'KeyR', ctrlKey: true, shiftKey: true }))).toBe('reconnect')
    expect(consoleKeyAction(key({ key: 'L', code: 'KeyL', ctrlKey: true, shiftKey: true }))).toBe('log')
    // Plain Ctrl+D / Ctrl+R go to the device (end of input, reverse search).
    expect(consoleKeyAction(key({ key: 'd', code: 'KeyD', ctrlKey: true }))).toBeUndefined()
    expect(consoleKeyAction(key({ key: 'r', code: 'KeyR', ctrlKey: true }))).toBeUndefined()
    expect(consoleKeyAction(key({ key: '=', code: 'Equal', ctrlKey: true }))).toBe('zoom-in')
    expect(consoleKeyAction(key({ key: '-', code: 'Minus', ctrlKey: true }))).toBe('zoom-out')
    expect(consoleKeyAction(key({ key: '0', code: 'Digit0', ctrlKey: true }))).toBe('zoom-reset')
    expect(consoleKeyAction(key({ key: 'Cancel', code: 'Pause', ctrlKey: true }))).toBe('break')
    expect(consoleKeyAction(key({ key: 'b', code: 'KeyB', altKey: true }))).toBe('break')
  })

  it('leaves the device its control keys and ignores key-up', () => {
    expect(consoleKeyAction(key({ key: 'f', code: 'KeyF', ctrlKey: true }))).toBeUndefined()
    expect(consoleKeyAction(key({ key: 'c', code: 'KeyC', ctrlKey: true }))).toBeUndefined()
    expect(consoleKeyAction(key({ key: '6', code: 'Digit6', ctrlKey: true, shiftKey: true }))).toBeUndefined()
    expect(consoleKeyAction(key({ key: 'b', code: 'KeyB', ctrlKey: true }))).toBeUndefined()
    expect(consoleKeyAction(key({ type: 'keyup', key: '=', ctrlKey: true }))).toBeUndefined()
  })
})

describe('renderer choice', () => {
  it('lets ?renderer= override the setting, and ignores nonsense', () => {
    expect(chooseRenderer('auto', 'dom')).toBe('dom')
    expect(chooseRenderer('dom', 'webgl')).toBe('webgl')
    expect(chooseRenderer('webgl', null)).toBe('webgl')
    expect(chooseRenderer('auto', 'canvas')).toBe('auto')
  })
})

describe('software WebGL', () => {
  it('recognises software rasterisers, not real GPUs', () => {
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true)
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true)
    expect(isSoftwareRenderer('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)')).toBe(false)
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false)
  })
})

describe('README', () => {
  it('lists every console keyboard shortcut as the app binds it', () => {
    // Table cells are padded by the formatter: compare them with the padding folded.
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8').replace(/ {2,}\|/g, ' |')
    for (const { keys, action } of SHORTCUTS) expect(readme).toContain(`| ${keys} | ${action} |`)
  })
})
