/**
 * Three-way merge of JSON values, for two windows that changed the same saved slice: `base` is
 * what both started from, `mine` the change being saved, `theirs` what the other window saved
 * meanwhile. Objects merge key by key; lists of records with an `id` (profiles, certificates,
 * sites) merge record by record, so two windows adding different profiles keep both. Where both
 * changed the same value, `mine` wins: it is the later save, and the user who made it is looking.
 */
export function merge3(base: unknown, mine: unknown, theirs: unknown): unknown {
  if (same(mine, base)) return theirs
  if (same(theirs, base) || same(mine, theirs)) return mine
  if (isRecord(mine) && isRecord(theirs)) return mergeRecords(isRecord(base) ? base : {}, mine, theirs)
  if (isIdList(mine) && isIdList(theirs)) return mergeIdLists(isIdList(base) ? base : [], mine, theirs)
  return mine
}

type Rec = Record<string, unknown>
type IdRec = Rec & { id: string }

function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isIdList(value: unknown): value is IdRec[] {
  return Array.isArray(value) && value.every((item) => isRecord(item) && typeof item.id === 'string')
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

function mergeRecords(base: Rec, mine: Rec, theirs: Rec): Rec {
  const out: Rec = {}
  for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
    const value = merge3(base[key], mine[key], theirs[key])
    if (value !== undefined) out[key] = value
  }
  return out
}

function mergeIdLists(base: IdRec[], mine: IdRec[], theirs: IdRec[]): IdRec[] {
  const byId = (list: IdRec[]): Map<string, IdRec> => new Map(list.map((item) => [item.id, item]))
  const [b, m, t] = [byId(base), byId(mine), byId(theirs)]
  const order = [...theirs.map((i) => i.id), ...mine.map((i) => i.id).filter((id) => !t.has(id))]
  const out: IdRec[] = []
  for (const id of order) {
    const merged = mergeItem(b.get(id), m.get(id), t.get(id))
    if (merged) out.push(merged)
  }
  return out
}

function mergeItem(base: IdRec | undefined, mine: IdRec | undefined, theirs: IdRec | undefined): IdRec | undefined {
  if (mine === undefined) return base !== undefined && same(theirs, base) ? undefined : theirs
  if (theirs === undefined) return base !== undefined && same(mine, base) ? undefined : mine
  return merge3(base, mine, theirs) as IdRec
}
