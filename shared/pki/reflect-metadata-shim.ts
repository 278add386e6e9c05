// @peculiar/x509 pulls in tsyringe, which refuses to load unless a Reflect metadata polyfill is
// present, and `reflect-metadata` is not a dependency of this project. tsyringe only needs these
// three functions (and only for classes it decorates itself), so a tiny WeakMap store is enough.
// Must be imported before '@peculiar/x509' is evaluated: see x509-lib.ts.

type MetadataMap = Map<unknown, unknown>
const store = new WeakMap<object, MetadataMap>()

function own(target: object): MetadataMap | undefined {
  return store.get(target)
}

const shim = {
  defineMetadata(key: unknown, value: unknown, target: object): void {
    let map = own(target)
    if (!map) {
      map = new Map()
      store.set(target, map)
    }
    map.set(key, value)
  },
  getOwnMetadata(key: unknown, target: object): unknown {
    return own(target)?.get(key)
  },
  getMetadata(key: unknown, target: object): unknown {
    for (let t: object | null = target; t; t = Object.getPrototypeOf(t) as object | null) {
      const map = own(t)
      if (map?.has(key)) return map.get(key)
    }
    return undefined
  },
}

const reflect = Reflect as unknown as Record<string, unknown>
if (typeof reflect['getMetadata'] !== 'function') Object.assign(reflect, shim)

export {}
