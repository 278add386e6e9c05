/**
 * Terminal output on the browser host's WebSocket travels as binary frames rather than JSON: a
 * flood is mostly escape sequences, which JSON writes as six-character `\u001b` escapes and both
 * ends must then stringify and parse (~28 MB of JSON per 20 MB flood). Every other message stays
 * JSON text (electron/ipc/ws-protocol.ts).
 *
 * Layout: one byte FRAME_SESSION_DATA, the session id's UTF-8 length as a big-endian uint16, the
 * id, then the data as UTF-8 to the end of the frame.
 */
export const FRAME_SESSION_DATA = 0x01

const HEADER = 3
const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8')

export function encodeSessionData(id: string, data: string): Uint8Array {
  const idBytes = encoder.encode(id)
  // Terminal output is nearly always ASCII (one byte a character): try a frame of that size first.
  // Reserving the worst case (3 bytes a UTF-16 unit) zeroed 3 MB for every 1 MB batch, and the
  // host's garbage collector then took longer than anything else it did during a flood.
  const exact = encodeWithRoom(idBytes, data, data.length)
  // Three bytes for every UTF-16 unit always fit.
  return exact ?? (encodeWithRoom(idBytes, data, data.length * 3) as Uint8Array)
}

function encodeWithRoom(idBytes: Uint8Array, data: string, room: number): Uint8Array | undefined {
  const frame = new Uint8Array(HEADER + idBytes.length + room)
  frame[0] = FRAME_SESSION_DATA
  frame[1] = idBytes.length >> 8
  frame[2] = idBytes.length & 0xff
  frame.set(idBytes, HEADER)
  const { read, written } = encoder.encodeInto(data, frame.subarray(HEADER + idBytes.length))
  if (read < data.length) return undefined
  return written === room ? frame : frame.subarray(0, HEADER + idBytes.length + written)
}

/** The id and data of a session-data frame, or undefined for anything else (never throws). */
export function decodeSessionData(frame: Uint8Array): { id: string; data: string } | undefined {
  if (frame.length < HEADER || frame[0] !== FRAME_SESSION_DATA) return undefined
  const idLength = ((frame[1] ?? 0) << 8) | (frame[2] ?? 0)
  if (HEADER + idLength > frame.length) return undefined
  return {
    id: decoder.decode(frame.subarray(HEADER, HEADER + idLength)),
    data: decoder.decode(frame.subarray(HEADER + idLength)),
  }
}
