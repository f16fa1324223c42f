/**
 * The split plan: which packages an order ships as, and why each exists (issue 11 §3).
 *
 * Pure and deterministic: the same items and limits always give the same packages in the same
 * order. Steps: group by warehouse (null = the default warehouse), then by temperature zone inside
 * a warehouse (frozen, chilled and ambient never share), then bin-pack each group under the
 * carrier's limits with first-fit decreasing by unit weight. A quantity may be split across
 * packages; units are placed in runs (how many fit, computed in closed form), never one object per
 * unit, so a quantity of 500 costs the same as 1.
 *
 * Size model (a packing bench has no 3D packer): units of a package are stacked on their shortest
 * side, so the package box is (max longest side, max middle side, sum of shortest sides). Missing
 * dimensions count as 0 — an item without size facts never forces a split by size.
 */

export type PlanItem = {
  readonly orderItemId: number
  readonly sku: string
  readonly title: string
  readonly quantity: number
  readonly unitWeightG: number
  readonly lengthMm: number | null
  readonly widthMm: number | null
  readonly heightMm: number | null
  readonly warehouse: string | null
  readonly temperatureZone: 'ambient' | 'chilled' | 'frozen'
}

export type CarrierLimits = {
  readonly maxWeightG: number
  readonly maxLongestSideMm: number
  readonly maxSumOfSidesMm: number
}

export type PlanReason =
  | { readonly code: 'warehouse'; readonly warehouse: string }
  | { readonly code: 'temperature'; readonly zone: 'ambient' | 'chilled' | 'frozen' }
  | { readonly code: 'overweight'; readonly limitG: number }
  | { readonly code: 'oversize'; readonly limitMm: number }
  | { readonly code: 'over_limit' } // one item over every limit: ships alone, flagged 超限
  | { readonly code: 'manual' }

export type PlannedPackage = {
  readonly items: readonly { orderItemId: number; quantity: number }[]
  readonly reasons: readonly PlanReason[]
  readonly overLimit: boolean
  readonly weightG: number
}

/** The warehouse reason's name for items without a warehouse (the station's own stock). */
export const DEFAULT_WAREHOUSE = ''

type Zone = PlanItem['temperatureZone']

/** One unit's box, sides sorted longest first. */
type UnitShape = {
  readonly index: number
  readonly item: PlanItem
  readonly weight: number
  readonly long: number
  readonly mid: number
  readonly short: number
}

type Bin = {
  weight: number
  long: number
  mid: number
  short: number
  /** Input index → quantity, so the package lists items in input order. */
  readonly counts: Map<number, number>
}

type Group = { readonly warehouse: string | null; readonly zone: Zone; readonly units: UnitShape[] }

function shapeOf(item: PlanItem, index: number): UnitShape {
  const sides = [item.lengthMm ?? 0, item.widthMm ?? 0, item.heightMm ?? 0].sort((a, b) => b - a)
  return {
    index,
    item,
    weight: Math.max(0, item.unitWeightG),
    long: sides[0] ?? 0,
    mid: sides[1] ?? 0,
    short: sides[2] ?? 0
  }
}

type Limit = 'weight' | 'longest' | 'sum'

/** fitCount's answer, reused: the planner runs for every order of a 5000-order batch. */
const fit = { count: 0, stop: null as Limit | null }

function take(n: number, why: Limit): void {
  const whole = n > 0 ? Math.floor(n) : 0
  if (whole < fit.count) {
    fit.count = whole
    fit.stop = why
  }
}

/** How many units of `u` still fit in `bin`, and which limit stops the next one (in `fit`). */
function fitCount(bin: Bin, u: UnitShape, limits: CarrierLimits): typeof fit {
  fit.count = Number.POSITIVE_INFINITY
  fit.stop = null
  if (u.weight > 0) take((limits.maxWeightG - bin.weight) / u.weight, 'weight')
  const long = bin.long > u.long ? bin.long : u.long
  const mid = bin.mid > u.mid ? bin.mid : u.mid
  if (long > limits.maxLongestSideMm || mid > limits.maxLongestSideMm) take(0, 'longest')
  if (u.short > 0) {
    take((limits.maxLongestSideMm - bin.short) / u.short, 'longest')
    take((limits.maxSumOfSidesMm - long - mid - bin.short) / u.short, 'sum')
  } else if (long + mid + bin.short > limits.maxSumOfSidesMm) {
    take(0, 'sum')
  }
  return fit
}

function emptyBin(): Bin {
  return { weight: 0, long: 0, mid: 0, short: 0, counts: new Map() }
}

/** Never written: what fitCount measures a fresh package with. */
const EMPTY: Bin = emptyBin()

function place(bin: Bin, u: UnitShape, n: number): void {
  bin.weight += u.weight * n
  bin.long = Math.max(bin.long, u.long)
  bin.mid = Math.max(bin.mid, u.mid)
  bin.short += u.short * n
  bin.counts.set(u.index, (bin.counts.get(u.index) ?? 0) + n)
}

function groupItems(items: readonly PlanItem[]): Group[] {
  // Groups keep the order in which their first item appears: stable for the packer's eye.
  const groups: Group[] = []
  items.forEach((item, index) => {
    if (item.quantity <= 0) return
    const found = groups.find(
      (g) => g.warehouse === item.warehouse && g.zone === item.temperatureZone
    )
    const unit = shapeOf(item, index)
    if (found) found.units.push(unit)
    else groups.push({ warehouse: item.warehouse, zone: item.temperatureZone, units: [unit] })
  })
  return groups
}

function toPackage(
  bin: Bin,
  items: readonly PlanItem[],
  reasons: readonly PlanReason[],
  overLimit: boolean
): PlannedPackage {
  const rows = [...bin.counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, quantity]) => ({ orderItemId: (items[index] as PlanItem).orderItemId, quantity }))
  return { items: rows, reasons, overLimit, weightG: bin.weight }
}

function packGroup(
  group: Group,
  items: readonly PlanItem[],
  limits: CarrierLimits,
  baseReasons: readonly PlanReason[]
): PlannedPackage[] {
  // First-fit decreasing by unit weight; ties keep input order (Array.prototype.sort is stable).
  const units = group.units.sort((a, b) => b.weight - a.weight)
  const bins: Bin[] = []
  const alone: Bin[] = []
  const stops = new Set<Limit>()
  for (const u of units) {
    let remaining = u.item.quantity
    if (fitCount(EMPTY, u, limits).count === 0) {
      // One unit breaks a limit even on its own: every unit ships alone, flagged 超限.
      for (let i = 0; i < remaining; i += 1) {
        const bin = emptyBin()
        place(bin, u, 1)
        alone.push(bin)
      }
      continue
    }
    for (const bin of bins) {
      if (remaining === 0) break
      const { count, stop } = fitCount(bin, u, limits)
      const n = Math.min(remaining, count)
      if (n > 0) {
        place(bin, u, n)
        remaining -= n
      }
      if (remaining > 0 && stop) stops.add(stop)
    }
    while (remaining > 0) {
      const bin = emptyBin()
      const { count, stop } = fitCount(bin, u, limits)
      const n = Math.min(remaining, count)
      place(bin, u, n)
      remaining -= n
      bins.push(bin)
      if (remaining > 0 && stop) stops.add(stop)
    }
  }
  const limitReasons: PlanReason[] = []
  if (bins.length > 1) {
    if (stops.has('weight')) limitReasons.push({ code: 'overweight', limitG: limits.maxWeightG })
    if (stops.has('longest')) {
      limitReasons.push({ code: 'oversize', limitMm: limits.maxLongestSideMm })
    } else if (stops.has('sum')) {
      limitReasons.push({ code: 'oversize', limitMm: limits.maxSumOfSidesMm })
    }
  }
  return [
    ...bins.map((bin) => toPackage(bin, items, [...baseReasons, ...limitReasons], false)),
    ...alone.map((bin) => toPackage(bin, items, [...baseReasons, { code: 'over_limit' }], true))
  ]
}

/**
 * Propose the packages for one order's items. An order without facts (one warehouse, one zone,
 * within the limits) is ONE package without reasons, so its printing path does not change.
 */
export function planPackages(
  items: readonly PlanItem[],
  limits: CarrierLimits
): readonly PlannedPackage[] {
  const groups = groupItems(items)
  const warehouses = new Set(groups.map((g) => g.warehouse))
  const packages: PlannedPackage[] = []
  for (const group of groups) {
    const reasons: PlanReason[] = []
    if (warehouses.size > 1) {
      reasons.push({ code: 'warehouse', warehouse: group.warehouse ?? DEFAULT_WAREHOUSE })
    }
    const zonesHere = new Set(
      groups.filter((g) => g.warehouse === group.warehouse).map((g) => g.zone)
    )
    if (zonesHere.size > 1) reasons.push({ code: 'temperature', zone: group.zone })
    packages.push(...packGroup(group, items, limits, reasons))
  }
  return packages
}
