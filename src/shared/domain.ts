import type { ORDER_STATUSES, PLATFORMS, TEMPERATURE_ZONES } from './schemas/order'

export type OrderStatus = (typeof ORDER_STATUSES)[number]
export type TemperatureZone = (typeof TEMPERATURE_ZONES)[number]
export type Platform = (typeof PLATFORMS)[number]
