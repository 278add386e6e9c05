/**
 * The slice of the serialport binding interface this folder relies on. Declared here because
 * @serialport/bindings-interface ships no types for ESM resolution (its "exports" map has no
 * "types"), which would otherwise leave these shapes untyped.
 */

export interface RawPortInfo {
  readonly path: string
  readonly manufacturer?: string | undefined
  readonly serialNumber?: string | undefined
  readonly pnpId?: string | undefined
  readonly locationId?: string | undefined
  readonly productId?: string | undefined
  readonly vendorId?: string | undefined
}

/** Modem-control flags for set(); every flag not given is reset to serialport's default. */
export interface SetFlags {
  readonly brk?: boolean
  readonly cts?: boolean
  readonly dsr?: boolean
  readonly dtr?: boolean
  readonly rts?: boolean
}

export interface BindingOpenOptions {
  readonly path: string
  readonly baudRate: number
  readonly dataBits?: 5 | 6 | 7 | 8
  readonly stopBits?: 1 | 1.5 | 2
  readonly parity?: string
  readonly rtscts?: boolean
  readonly xon?: boolean
  readonly xoff?: boolean
  readonly lock?: boolean
  readonly hupcl?: boolean
}

/** A serialport binding: the OS one (`SerialPort.binding`) or `SerialPortMock.binding` in tests. */
export interface SerialBinding {
  list(): Promise<RawPortInfo[]>
  open(options: BindingOpenOptions): Promise<unknown>
}
