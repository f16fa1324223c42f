import type { FormRule } from 'antd'
import { isValidPhone } from '../../../shared/phone'
import { REGIONS, regionProblem, type Region } from '../../../shared/regions'

/**
 * What every form with a person and an address shares (the order's receiver, the station's
 * sender): the region tree for antd's Cascader and the field rules, mirroring the contract's
 * ReceiverInput so a packer hears about a bad field before the call.
 */
export type RegionOption = { value: string; label: string; children?: RegionOption[] }

function toOptions(regions: readonly Region[]): RegionOption[] {
  return regions.map((r) =>
    r.children && r.children.length > 0
      ? { value: r.name, label: r.name, children: toOptions(r.children) }
      : { value: r.name, label: r.name }
  )
}

/** Province → city → district, from the one division tree (shared/regions). */
export const REGION_OPTIONS: RegionOption[] = toOptions(REGIONS)

/** `v` translates a validation code (`validation.<code>`). */
export function partyRules(v: (code: string) => string): {
  readonly name: FormRule[]
  readonly phone: FormRule[]
  readonly region: FormRule[]
  readonly detail: FormRule[]
} {
  return {
    name: [
      { required: true, whitespace: true, message: v('required') },
      { max: 50, message: v('too_long') }
    ],
    phone: [
      { required: true, whitespace: true, message: v('required') },
      {
        validator: (_rule, value: string | undefined) =>
          value && !isValidPhone(value.replace(/\s+/g, ''))
            ? Promise.reject(new Error(v('phone_invalid')))
            : Promise.resolve()
      }
    ],
    region: [
      { required: true, message: v('region_required') },
      {
        validator: (_rule, value: string[] | undefined) => {
          if (!value || value.length === 0) {
            return Promise.resolve()
          }
          const problem =
            value.length === 3
              ? regionProblem(value[0] ?? '', value[1] ?? '', value[2] ?? '')
              : { code: 'region_required' }
          return problem ? Promise.reject(new Error(v(problem.code))) : Promise.resolve()
        }
      }
    ],
    detail: [
      { required: true, whitespace: true, message: v('required') },
      { max: 200, message: v('too_long') }
    ]
  }
}
