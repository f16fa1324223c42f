import { REGIONS, type Region } from '../../../shared/regions'

/**
 * Splits addresses into province / city / district / detail against the same division tree the
 * manual form uses (src/shared/regions.ts), so an imported order passes the same validation.
 * Nothing is guessed: each level must be named in the text (full name, or a common short form
 * such as 浙江 / 杭州 / 恩施州); an address whose district is not named is rejected.
 *
 * Quirks of the tree handled here: municipalities have the pseudo-cities 市辖区 / 县 (text says
 * "北京 北京市 朝阳区" or "上海市浦东新区"), and county-level cities directly under a province sit
 * under 省直辖县级行政区划 (text says "湖北省 仙桃市 …").
 */

export type ResolvedAddress = {
  readonly province: string
  readonly city: string
  readonly district: string
  readonly detail: string
}

export type AddressProblem = {
  readonly problem: 'province' | 'city' | 'district' | 'detail'
  readonly province?: string
  readonly city?: string
}

type Place = { readonly region: Region; readonly city?: Region; readonly district?: Region }

type AliasTable = {
  readonly byName: ReadonlyMap<string, Place>
  readonly maxLength: number
  readonly shortNames: ReadonlySet<string>
}

/**
 * An ethnic group at the end of an autonomous division's name. Official names drop 族 after
 * some groups (伊犁哈萨克自治州, 博尔塔拉蒙古自治州, 察布查尔锡伯自治县), so 族 is optional after
 * the names of two or more characters; a one-character name (回, 藏, 白 …) without 族 is too
 * likely to be part of the place name itself. 各族 stands for several groups (龙胜各族自治县).
 */
const ETHNIC =
  /(?:(?:回|藏|苗|彝|壮|满|侗|瑶|白|傣|黎|佤|畲|水|土|羌|怒|京)族|(?:蒙古|维吾尔|布依|朝鲜|土家|哈尼|哈萨克|傈僳|拉祜|东乡|纳西|景颇|柯尔克孜|达斡尔|仫佬|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族?|各族)$/

/**
 * Names people write for prefectures that are not a prefix of the official name. Each is
 * unambiguous among its province's cities; the alias table still drops any that would collide.
 */
const COLLOQUIAL: Readonly<Record<string, readonly string[]>> = {
  博尔塔拉蒙古自治州: ['博州'],
  巴音郭楞蒙古自治州: ['巴州'],
  克孜勒苏柯尔克孜自治州: ['克州'],
  西双版纳傣族自治州: ['版纳']
}

const DIRECT = /直辖县级行政区划$/
const MUNICIPALITY_CITIES = new Set(['市辖区', '县'])

/**
 * Short forms of a division name: 浙江省 → 浙江, 恩施土家族苗族自治州 → 恩施 / 恩施州,
 * 伊犁哈萨克自治州 → 伊犁 / 伊犁州, 阿克苏地区 → 阿克苏.
 */
function shortForms(name: string): string[] {
  const forms: string[] = [...(COLLOQUIAL[name] ?? [])]
  const autonomous = /^(.+?)(自治区|自治州|自治县|自治旗)$/.exec(name)
  if (autonomous?.[1] !== undefined) {
    let base = autonomous[1]
    for (let m = ETHNIC.exec(base); m && m.index >= 2; m = ETHNIC.exec(base)) {
      base = base.slice(0, m.index)
    }
    // A division named after its people alone (鄂温克族自治旗, 东乡族自治县) is written 鄂温克旗 / 东乡县.
    const bases = [base]
    if (base.endsWith('族') && ETHNIC.exec(base)?.index === 0) {
      bases.push(base.slice(0, -1))
    }
    const suffix = { 自治州: '州', 自治县: '县', 自治旗: '旗' }[autonomous[2] ?? '']
    for (const b of bases) {
      forms.push(b)
      if (suffix !== undefined) {
        forms.push(`${b}${suffix}`)
      }
    }
  } else {
    const plain = /^(.{2,}?)(省|市|地区|盟|特别行政区|林区|新区|区|县|旗)$/.exec(name)
    if (plain?.[1] !== undefined && plain[1].length >= 2) {
      forms.push(plain[1])
    }
  }
  return forms.filter((f) => f.length >= 2 && f !== name)
}

function table(entries: Iterable<readonly [string, Place, boolean]>): AliasTable {
  const byNameAll = new Map<string, { full: Place[]; short: Place[] }>()
  for (const [name, place, isShort] of entries) {
    let slot = byNameAll.get(name)
    if (!slot) {
      slot = { full: [], short: [] }
      byNameAll.set(name, slot)
    }
    ;(isShort ? slot.short : slot.full).push(place)
  }
  const byName = new Map<string, Place>()
  const shortNames = new Set<string>()
  let maxLength = 0
  for (const [name, slot] of byNameAll) {
    // A full name beats a short form of another division; a name two divisions share at the
    // same rank answers nothing (rejecting beats guessing).
    const winners = slot.full.length > 0 ? slot.full : slot.short
    const first = winners[0]
    if (first === undefined || winners.some((w) => w.region !== first.region)) {
      continue
    }
    byName.set(name, first)
    if (slot.full.length === 0) {
      shortNames.add(name)
    }
    maxLength = Math.max(maxLength, name.length)
  }
  return { byName, maxLength, shortNames }
}

function* withShortForms(
  region: Region,
  place: Place
): Generator<readonly [string, Place, boolean]> {
  yield [region.name, place, false]
  for (const s of shortForms(region.name)) {
    yield [s, place, true]
  }
}

type ProvinceIndex = {
  readonly province: Region
  /** Cities, and for municipalities the words that stand for the city level (北京市, 市辖区). */
  readonly cities: AliasTable
  readonly districtsByCity: ReadonlyMap<Region, AliasTable>
  /** Municipalities: districts across 市辖区 and 县, each remembering its pseudo-city. */
  readonly municipalDistricts: AliasTable | null
}

let provinces: AliasTable | null = null
const provinceIndexes = new Map<Region, ProvinceIndex>()

function provinceTable(): AliasTable {
  provinces ??= table(REGIONS.flatMap((p) => [...withShortForms(p, { region: p })]))
  return provinces
}

function provinceIndex(province: Region): ProvinceIndex {
  const cached = provinceIndexes.get(province)
  if (cached) {
    return cached
  }
  const children = province.children ?? []
  const isMunicipality =
    children.length > 0 && children.every((c) => MUNICIPALITY_CITIES.has(c.name))
  const cityEntries: (readonly [string, Place, boolean])[] = []
  const districtsByCity = new Map<Region, AliasTable>()
  for (const city of children) {
    districtsByCity.set(
      city,
      table(
        (city.children ?? []).flatMap((d) => [
          ...withShortForms(d, { region: d, city, district: d })
        ])
      )
    )
    if (DIRECT.test(city.name)) {
      // "湖北省 仙桃市": the county-level city is written where a city would be.
      for (const d of city.children ?? []) {
        cityEntries.push(...withShortForms(d, { region: d, city, district: d }))
      }
      cityEntries.push([city.name, { region: city, city }, false])
    } else if (!isMunicipality) {
      cityEntries.push(...withShortForms(city, { region: city, city }))
    }
  }
  let municipalDistricts: AliasTable | null = null
  if (isMunicipality) {
    // The city level of 北京市 is written as 北京市, 北京, 市辖区, 县 or not at all.
    for (const word of [province.name, ...shortForms(province.name), '市辖区', '县']) {
      cityEntries.push([word, { region: province }, false])
    }
    municipalDistricts = table(
      children.flatMap((city) =>
        (city.children ?? []).flatMap((d) => [
          ...withShortForms(d, { region: d, city, district: d })
        ])
      )
    )
  }
  const index = { province, cities: table(cityEntries), districtsByCity, municipalDistricts }
  provinceIndexes.set(province, index)
  return index
}

const SEPARATORS = /^[\s,，/|\\-]+/

/** The longest alias at the start of `text`; short forms must be followed by a separator unless `loose`. */
function matchPrefix(
  text: string,
  aliases: AliasTable,
  loose: boolean
): { place: Place; rest: string } | undefined {
  for (let length = Math.min(aliases.maxLength, text.length); length >= 2; length--) {
    const name = text.slice(0, length)
    const place = aliases.byName.get(name)
    if (!place) {
      continue
    }
    const rest = text.slice(length)
    if (!loose && aliases.shortNames.has(name) && rest !== '' && !SEPARATORS.test(rest)) {
      continue
    }
    return { place, rest: rest.replace(SEPARATORS, '') }
  }
  return undefined
}

/** Taobao appends the postcode: "…文三路100号(310000)" or "… 000000". */
const POSTCODE = /\s*(?:[(（]\s*\d{6}\s*[)）]|\s\d{6})\s*$/

/** Splits a one-cell address. */
export function splitAddress(address: string): ResolvedAddress | AddressProblem {
  const text = address
    .normalize('NFKC')
    .replace(POSTCODE, '')
    .trim()
    .replace(/^中国\s*/, '')
  // Province and city short forms may run straight into the next name ("浙江杭州西湖区"):
  // the next level must still match, which keeps that safe. District short forms need a space.
  const p = matchPrefix(text, provinceTable(), true)
  if (!p) {
    return { problem: 'province' }
  }
  const province = p.place.region
  const index = provinceIndex(province)
  let rest = p.rest
  let city: Region | undefined
  let district: Region | undefined
  if (index.municipalDistricts) {
    const c = matchPrefix(rest, index.cities, true)
    if (c) {
      rest = c.rest
      // "上海市 市辖区 市辖区 浦东新区" happens in merged exports: skip one more city word.
      const again = matchPrefix(rest, index.cities, true)
      if (again && !matchPrefix(rest, index.municipalDistricts, false)) {
        rest = again.rest
      }
    }
    const d = matchPrefix(rest, index.municipalDistricts, false)
    if (!d) {
      return { problem: 'district', province: province.name, city: province.name }
    }
    city = d.place.city
    district = d.place.district
    rest = d.rest
  } else {
    const c = matchPrefix(rest, index.cities, true)
    if (!c) {
      return { problem: 'city', province: province.name }
    }
    city = c.place.city
    rest = c.rest
    district = c.place.district
    if (district) {
      // 仙桃市 stood for the city; "湖北省 省直辖县级行政区划 仙桃市" names it after.
      const again = city
        ? matchPrefix(rest, index.districtsByCity.get(city) ?? table([]), false)
        : undefined
      if (again && again.place.region === district) {
        rest = again.rest
      }
    } else if (city) {
      const d = matchPrefix(rest, index.districtsByCity.get(city) ?? table([]), false)
      if (!d) {
        return { problem: 'district', province: province.name, city: city.name }
      }
      district = d.place.district
      rest = d.rest
    }
  }
  if (!city || !district) {
    return { problem: 'district', province: province.name }
  }
  const detail = rest.trim()
  if (detail === '') {
    return { problem: 'detail' }
  }
  return { province: province.name, city: city.name, district: district.name, detail }
}

/**
 * Resolves separate province / city / district cells (full or short names). The detail cell may
 * repeat the region ("浙江省杭州市西湖区文三路 100 号"); that prefix is dropped.
 */
export function resolveRegionCells(
  provinceCell: string,
  cityCell: string,
  districtCell: string,
  detailCell: string
): ResolvedAddress | AddressProblem {
  const joined = [provinceCell, cityCell, districtCell]
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join(' ')
  const detail = detailCell.normalize('NFKC').replace(POSTCODE, '').trim()
  // District cells are whole cells, so a short form ("西湖") is as safe as a full one here.
  const region = splitAddress(`${joined} x`)
  if ('problem' in region) {
    return region.problem === 'detail' ? { problem: 'district', province: provinceCell } : region
  }
  if (detail === '') {
    return { problem: 'detail' }
  }
  // Drop a repeated region prefix from the detail, but only when it names the same division.
  const repeated = splitAddress(detail)
  const sameRegion =
    !('problem' in repeated) &&
    repeated.province === region.province &&
    repeated.city === region.city &&
    repeated.district === region.district
  return { ...region, detail: sameRegion ? repeated.detail : detail }
}
