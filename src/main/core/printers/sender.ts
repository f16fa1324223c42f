import { Receiver } from '../../../shared/schemas/order'
import type { ReadableDB, WritableDB } from '../db/connection'
import { getSetting, setSetting } from '../db/settings-repo'
import type { LabelParty } from '../printing'

/**
 * The station's return address (寄件人), printed in every label's sender block. One per station
 * rather than per shop: a packing bench ships from one warehouse, whatever shop the order is from.
 * Not one of the generic settings keys, so it can only be written through `sender.set`, which
 * validates it like a receiver.
 */
const KEY = 'label.sender'

export function configuredSender(db: ReadableDB): LabelParty | null {
  const raw = getSetting(db, KEY)
  if (raw === null) {
    return null
  }
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  const parsed = Receiver.safeParse(value)
  return parsed.success ? parsed.data : null
}

export function saveSender(db: WritableDB, sender: LabelParty): LabelParty {
  setSetting(db, KEY, JSON.stringify(sender))
  return sender
}
