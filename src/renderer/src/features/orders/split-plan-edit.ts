import type { PlanPackageView, SplitPlanView } from '../../../../shared/api/split-plan'

/** One card of the plan editor: its items (order item → quantity) and the reasons it came with. */
export type EditPackage = {
  readonly key: number
  readonly items: readonly { readonly orderItemId: number; readonly quantity: number }[]
  readonly reasons: PlanPackageView['reasons']
  readonly overLimit: boolean
  /** Changed by the packer: its proposed reasons no longer explain it. */
  readonly touched: boolean
}

let nextKey = 1

export function fromView(packages: SplitPlanView['packages']): EditPackage[] {
  return packages.map((p) => ({
    key: nextKey++,
    items: p.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
    reasons: p.reasons,
    overLimit: p.overLimit,
    touched: false
  }))
}

function withQuantity(
  items: EditPackage['items'],
  orderItemId: number,
  delta: number
): EditPackage['items'] {
  const found = items.some((i) => i.orderItemId === orderItemId)
  const next = found
    ? items.map((i) =>
        i.orderItemId === orderItemId ? { orderItemId, quantity: i.quantity + delta } : i
      )
    : [...items, { orderItemId, quantity: delta }]
  return next.filter((i) => i.quantity > 0)
}

/** Moves `quantity` of one item from card `from` to card `to` (to = null: a new card). */
export function moveItem(
  plan: readonly EditPackage[],
  from: number,
  to: number | null,
  orderItemId: number,
  quantity: number
): EditPackage[] {
  const source = plan.find((p) => p.key === from)
  const have = source?.items.find((i) => i.orderItemId === orderItemId)?.quantity ?? 0
  const n = Math.min(Math.max(1, Math.floor(quantity)), have)
  if (!source || n === 0 || from === to) return [...plan]
  const target = to ?? nextKey++
  const cards: EditPackage[] =
    to === null
      ? [...plan, { key: target, items: [], reasons: [], overLimit: false, touched: true }]
      : [...plan]
  return cards.map((p) => {
    if (p.key === from)
      return { ...p, items: withQuantity(p.items, orderItemId, -n), touched: true }
    if (p.key === target)
      return { ...p, items: withQuantity(p.items, orderItemId, n), touched: true }
    return p
  })
}

/** Puts every item of card `from` into card `into` and removes `from`. */
export function mergePackages(
  plan: readonly EditPackage[],
  from: number,
  into: number
): EditPackage[] {
  const source = plan.find((p) => p.key === from)
  if (!source || from === into) return [...plan]
  return plan
    .filter((p) => p.key !== from)
    .map((p) =>
      p.key === into
        ? {
            ...p,
            items: source.items.reduce(
              (items, i) => withQuantity(items, i.orderItemId, i.quantity),
              p.items
            ),
            touched: true
          }
        : p
    )
}

export function addPackage(plan: readonly EditPackage[]): EditPackage[] {
  return [...plan, { key: nextKey++, items: [], reasons: [], overLimit: false, touched: true }]
}

/** What orders.saveSplitPlan takes: empty cards are left out (they hold nothing to ship). */
export function toSave(
  plan: readonly EditPackage[]
): { items: { orderItemId: number; quantity: number }[] }[] {
  return plan
    .filter((p) => p.items.length > 0)
    .map((p) => ({ items: p.items.map((i) => ({ ...i })) }))
}
