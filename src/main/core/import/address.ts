import { MUNICIPAL_PSEUDO_CITIES, REGIONS, type Region } from '../../../shared/regions'

/**
 * Splits addresses into province / city / district / detail against the same division tree the
 * manual form uses (src/shared/regions.ts), so an imported order passes the same validation.
 * Province and city must be named in the text (full name, or a common short form such as
 * 浙江 / 杭州 / 恩施州); an address whose province or city is not found is rejected. The district
 * may be one the division data lacks — the platforms' address libraries carry development zones
 * (郑州经济技术开发区, 苏州工业园区, 两江新区 …) and renamed districts (崇文区, 闸北区 …) — and is then
 * kept as written and marked `platformDistrict`.
 *
 * Quirks of the tree handled here: a municipality's one city carries its own name (the data's
 * pseudo-cities 市辖区 / 县 are folded, see regions.ts), and text says "北京 北京市 朝阳区",
 * "上海市 市辖区 浦东新区" or "上海市浦东新区"; county-level cities directly under a province sit
 * under 省直辖县级行政区划 (text says "湖北省 仙桃市 …").
 */

export type ResolvedAddress = {
  readonly province: string
  readonly city: string
  readonly district: string
  readonly detail: string
  /** The district is not in the division data: kept as the platform wrote it. */
  readonly platformDistrict: boolean
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

/** A run of name characters: Han, without the words that make it a street or a building. */
const NAME_CHARS = '(?:(?![路街道号巷弄村楼栋幢室])[\\u4e00-\\u9fff])'
/** Zones the platforms list as districts, written straight on ("郑州经济技术开发区航海东路"). */
const ZONE = new RegExp(
  `^(${NAME_CHARS}{0,12}?(?:经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|` +
    `技术开发区|产业开发区|开发区|经开区|高新区|工业园区|产业园区|新区|保税港区|保税区|综合试验区|` +
    `实验区|示范区|度假区))`
)
/** A district name written straight on: 2–4 name characters and 区 / 县 (崇文区, 闸北区). */
const SHORT_DISTRICT = new RegExp(`^(${NAME_CHARS}{2,4}?(?:区|县))`)
/** A whole space-delimited word ending like a district (经开区, 高新技术产业开发区). */
const WORD_DISTRICT = new RegExp(`^(${NAME_CHARS}{1,15}(?:区|县|旗))(?=[\\s,，/|\\\\-])`)
/** Residential words that end in 区 but are never a district. */
const NOT_DISTRICT = /(?:小区|社区|校区|园区|片区|营区|厂区|院区)$/

/**
 * The district the data lacks, taken as written from the start of `rest`: the cell the sheet gave
 * (`written`), a space-delimited word, a zone, or a short district name; undefined when the text
 * names none (rejecting beats guessing a street as a district). `glued` is the text from a city
 * word that ran straight on ("郑州经开区", "天津经济技术开发区"): a zone often starts with its city's
 * name, so a zone is looked for there first.
 */
function writtenDistrict(
  rest: string,
  written: string | undefined,
  glued: readonly string[]
): { district: string; rest: string } | undefined {
  const take = (text: string, district: string): { district: string; rest: string } => ({
    district,
    rest: text.slice(district.length).replace(SEPARATORS, '')
  })
  for (const text of glued) {
    const zone = ZONE.exec(text)?.[1]
    if (zone !== undefined) {
      return take(text, zone)
    }
  }
  if (written !== undefined && written !== '' && rest.startsWith(written)) {
    return take(rest, written)
  }
  for (const pattern of [WORD_DISTRICT, ZONE, SHORT_DISTRICT]) {
    const name = pattern.exec(rest)?.[1]
    if (name !== undefined && (pattern === ZONE || !NOT_DISTRICT.test(name))) {
      return take(rest, name)
    }
  }
  return undefined
}

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
  const isMunicipality = children.length === 1 && children[0]?.name === province.name
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
    for (const word of [province.name, ...shortForms(province.name), ...MUNICIPAL_PSEUDO_CITIES]) {
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
): { place: Place; rest: string; short: boolean } | undefined {
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
    return { place, rest: rest.replace(SEPARATORS, ''), short: aliases.shortNames.has(name) }
  }
  return undefined
}

/** Taobao appends the postcode: "…文三路100号(310000)" or "… 000000". */
const POSTCODE = /\s*(?:[(（]\s*\d{6}\s*[)）]|\s\d{6})\s*$/

/** Splits a one-cell address. */
export function splitAddress(address: string): ResolvedAddress | AddressProblem {
  return split(address, undefined)
}

function split(
  address: string,
  districtCell: string | undefined
): ResolvedAddress | AddressProblem {
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
  // Text where a city word ran straight into what follows: a zone may start there.
  const glued: string[] = []
  const keepIfGlued = (before: string, match: { rest: string; short: boolean }): void => {
    const word = before.slice(0, before.length - match.rest.length)
    // A short form (郑州, and 天津 which the municipal table holds as a full word) ran on.
    const short = match.short || !/(?:市|区|县|盟|地区)$/.test(word)
    if (short && !/[\s,，/|\\-]$/.test(word)) {
      glued.push(before)
    }
  }
  if (index.municipalDistricts) {
    city = province.children?.[0]
    // The data's pseudo-city 县 (重庆) is one character, below what the alias tables match.
    rest = rest.replace(/^县[\s,，/|\\-]+/, '')
    const c = matchPrefix(rest, index.cities, true)
    if (c) {
      keepIfGlued(rest, c)
      rest = c.rest
      // "上海市 市辖区 市辖区 浦东新区" happens in merged exports: skip one more city word.
      const again = matchPrefix(rest, index.cities, true)
      if (again && !matchPrefix(rest, index.municipalDistricts, false)) {
        rest = again.rest
      }
    }
    const d = matchPrefix(rest, index.municipalDistricts, false)
    if (d) {
      district = d.place.district
      rest = d.rest
    }
  } else {
    const c = matchPrefix(rest, index.cities, true)
    if (!c) {
      return { problem: 'city', province: province.name }
    }
    keepIfGlued(rest, c)
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
      if (d) {
        district = d.place.district
        rest = d.rest
      }
    }
  }
  if (!city) {
    return { problem: 'city', province: province.name }
  }
  let districtName = district?.name
  if (districtName === undefined) {
    // Province and city are real: a district the data lacks is kept as the platform wrote it.
    const written = writtenDistrict(rest, districtCell, glued)
    if (!written) {
      return { problem: 'district', province: province.name, city: city.name }
    }
    districtName = written.district
    rest = written.rest
  }
  const detail = rest.trim()
  if (detail === '') {
    return { problem: 'detail' }
  }
  return {
    province: province.name,
    city: city.name,
    district: districtName,
    detail,
    platformDistrict: district === undefined
  }
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
  const region = split(`${joined} x`, districtCell.normalize('NFKC').trim())
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
