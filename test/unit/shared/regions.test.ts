import { describe, expect, test } from 'vitest'
import {
  REGIONS,
  findCity,
  findDistrict,
  findProvince,
  isPlatformDistrict,
  regionProblem,
  regionText
} from '../../../src/shared/regions'

describe('regionProblem', () => {
  test.each([
    ['浙江省', '杭州市', '西湖区'],
    ['北京市', '市辖区', '朝阳区'],
    ['北京市', '北京市', '朝阳区'],
    ['上海市', '上海市', '浦东新区'],
    ['上海市', '市辖区', '浦东新区'],
    ['重庆市', '县', '城口县'],
    ['重庆市', '市辖区', '渝中区'],
    ['广东省', '深圳市', '南山区'],
    ['广东省', '东莞市', '虎门镇'],
    ['新疆维吾尔自治区', '乌鲁木齐市', '天山区']
  ])('%s / %s / %s is a real division', (province, city, district) => {
    expect(regionProblem(province, city, district)).toBeUndefined()
  })

  test.each([
    ['浙江省', '深圳市', '南山区', { path: 'city', code: 'city_not_in_province' }],
    ['北京市', '朝阳市', '朝阳区', { path: 'city', code: 'city_not_in_province' }],
    ['广东省', '深圳市', '', { path: 'district', code: 'required' }],
    ['浙江', '杭州市', '西湖区', { path: 'province', code: 'province_unknown' }],
    ['火星省', '杭州市', '西湖区', { path: 'province', code: 'province_unknown' }],
    ['', '', '', { path: 'province', code: 'province_unknown' }],
    ['浙江省 ', '杭州市', '西湖区', { path: 'province', code: 'province_unknown' }]
  ])('%s / %s / %s → %o', (province, city, district, problem) => {
    expect(regionProblem(province, city, district)).toEqual(problem)
  })

  test('inherited object keys are not divisions', () => {
    expect(regionProblem('constructor', 'toString', 'valueOf')).toEqual({
      path: 'province',
      code: 'province_unknown'
    })
  })
})

describe('the division tree', () => {
  test('holds the 31 mainland provincial divisions, each with cities and districts', () => {
    expect(REGIONS).toHaveLength(31)
    for (const province of REGIONS) {
      expect(province.children?.length, province.name).toBeGreaterThan(0)
      for (const city of province.children ?? []) {
        expect(city.children?.length, `${province.name} ${city.name}`).toBeGreaterThan(0)
      }
    }
  })

  test('find* walk the tree by name', () => {
    expect(findProvince('浙江省')?.code).toBe('33')
    expect(findCity('浙江省', '杭州市')?.code).toBe('3301')
    expect(findDistrict('浙江省', '杭州市', '西湖区')?.code).toBe('330106')
    expect(findDistrict('北京市', '北京市', '朝阳区')?.code).toBe('110105')
    expect(findCity('北京市', '市辖区')).toBeUndefined()
    expect(findCity('浙江省', '南京市')).toBeUndefined()
    expect(findDistrict('江苏省', '南京市', '西湖区')).toBeUndefined()
  })
})

describe('municipalities and platform districts', () => {
  test('a municipality has one city, named after it, holding every district', () => {
    for (const name of ['北京市', '天津市', '上海市', '重庆市']) {
      const cities = findProvince(name)?.children ?? []
      expect(cities.map((c) => c.name)).toEqual([name])
    }
    // 重庆's counties (the data's pseudo-city 县) sit in the same city as its districts.
    expect(findDistrict('重庆市', '重庆市', '城口县')).toBeDefined()
    expect(findDistrict('重庆市', '重庆市', '渝中区')).toBeDefined()
    const names = JSON.stringify(REGIONS)
    expect(names).not.toContain('市辖区')
  })

  test('a district the data lacks under a real city is a platform district', () => {
    expect(isPlatformDistrict('陕西省', '西安市', '西安高新区')).toBe(true)
    expect(isPlatformDistrict('北京市', '市辖区', '崇文区')).toBe(true)
    expect(isPlatformDistrict('浙江省', '杭州市', '西湖区')).toBe(false)
    expect(isPlatformDistrict('浙江省', '火星市', '高新区')).toBe(false)
    expect(isPlatformDistrict('浙江省', '杭州市', '')).toBe(false)
    expect(regionProblem('陕西省', '西安市', '西安高新区')).toBeUndefined()
  })

  test('region text never shows 市辖区 or repeats a municipality', () => {
    expect(regionText('上海市', '上海市', '浦东新区')).toBe('上海市 浦东新区')
    expect(regionText('上海市', '市辖区', '浦东新区')).toBe('上海市 浦东新区')
    expect(regionText('重庆市', '县', '城口县', '')).toBe('重庆市城口县')
    expect(regionText('浙江省', '杭州市', '西湖区')).toBe('浙江省 杭州市 西湖区')
  })
})
