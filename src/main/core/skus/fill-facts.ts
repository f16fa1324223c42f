import type { NewOrderItem } from '../db/orders-repo'
import type { SkuFacts } from '../db/skus-repo'

/** The distinct SKUs of some orders' items. */
export function skusOf(orders: readonly (readonly NewOrderItem[])[]): string[] {
  const out = new Set<string>()
  for (const items of orders) {
    for (const i of items) {
      out.add(i.sku)
    }
  }
  return [...out]
}

/**
 * Items with what their source left out taken from the SKU catalogue. A value the source gave
 * always wins: a weight above 0, a warehouse, dimensions, and a temperature zone unless the
 * source had no temperature column at all (`zoneStated: false`, where 常温 is only a default).
 */
export function withCatalogueFacts(
  items: readonly NewOrderItem[],
  catalogue: ReadonlyMap<string, SkuFacts>
): readonly NewOrderItem[] {
  if (catalogue.size === 0) {
    return items
  }
  return items.map((item) => {
    const facts = catalogue.get(item.sku)
    if (!facts) {
      return item
    }
    return {
      ...item,
      unitWeightG: item.unitWeightG > 0 ? item.unitWeightG : (facts.weightG ?? item.unitWeightG),
      warehouse: item.warehouse ?? facts.warehouse,
      temperatureZone:
        item.zoneStated === false && facts.temperatureZone !== null
          ? facts.temperatureZone
          : item.temperatureZone,
      lengthMm: item.lengthMm ?? facts.lengthMm,
      widthMm: item.widthMm ?? facts.widthMm,
      heightMm: item.heightMm ?? facts.heightMm
    }
  })
}
