import { describe, expect, test } from 'vitest'
import { resolveRegionCells, splitAddress } from '../../../src/main/core/import/address'
import { regionProblem } from '../../../src/shared/regions'

describe('splitAddress', () => {
  test.each([
    ['浙江省 杭州市 西湖区 文三路 100号', '浙江省', '杭州市', '西湖区', '文三路 100号'],
    ['浙江省杭州市西湖区文三路100号', '浙江省', '杭州市', '西湖区', '文三路100号'],
    ['浙江 杭州 西湖区 文三路1号', '浙江省', '杭州市', '西湖区', '文三路1号'],
    ['浙江省 杭州市 西湖 文三路', '浙江省', '杭州市', '西湖区', '文三路'],
    ['北京 北京市 朝阳区 建国路1号', '北京市', '市辖区', '朝阳区', '建国路1号'],
    ['北京市 市辖区 朝阳区 建国路1号', '北京市', '市辖区', '朝阳区', '建国路1号'],
    ['上海市上海市浦东新区世纪大道1号', '上海市', '市辖区', '浦东新区', '世纪大道1号'],
    ['上海市浦东新区世纪大道1号', '上海市', '市辖区', '浦东新区', '世纪大道1号'],
    ['重庆 重庆市 城口县 葛城街道', '重庆市', '县', '城口县', '葛城街道'],
    ['天津市和平区南京路1号', '天津市', '市辖区', '和平区', '南京路1号'],
    ['湖北省 仙桃市 干河街道 1号', '湖北省', '省直辖县级行政区划', '仙桃市', '干河街道 1号'],
    ['湖北省 恩施州 恩施市 舞阳大街', '湖北省', '恩施土家族苗族自治州', '恩施市', '舞阳大街'],
    [
      '新疆维吾尔自治区阿克苏地区阿克苏市 解放路',
      '新疆维吾尔自治区',
      '阿克苏地区',
      '阿克苏市',
      '解放路'
    ],
    ['广西南宁市青秀区民族大道', '广西壮族自治区', '南宁市', '青秀区', '民族大道'],
    ['内蒙古 呼和浩特市 新城区 x路', '内蒙古自治区', '呼和浩特市', '新城区', 'x路'],
    ['吉林吉林市船营区 x路', '吉林省', '吉林市', '船营区', 'x路'],
    ['广东省 东莞市 长安镇 振安路', '广东省', '东莞市', '长安镇', '振安路'],
    ['中国 浙江省 杭州市 西湖区 文三路100号(310000)', '浙江省', '杭州市', '西湖区', '文三路100号'],
    ['浙江省 杭州市 西湖区 文三路100号 310000', '浙江省', '杭州市', '西湖区', '文三路100号']
  ])('%s', (text, province, city, district, detail) => {
    const r = splitAddress(text)
    expect(r).toEqual({ province, city, district, detail })
    // Whatever it resolves to is a real division by the same tree the schema checks.
    expect(regionProblem(province, city, district)).toBeUndefined()
  })

  test.each([
    ['火星 奥林匹斯山 1号', 'province'],
    ['浙江省 火星市 x', 'city'],
    // No district named: rejected, not guessed (东莞 has towns, no districts).
    ['广东省 东莞市 振安路1号', 'district'],
    // A district short form glued to the street is not trusted.
    ['浙江省杭州市西湖文三路', 'district'],
    ['浙江省 杭州市 西湖区', 'detail'],
    ['', 'province']
  ])('refuses %s (%s)', (text, problem) => {
    expect(splitAddress(text)).toMatchObject({ problem })
  })
})

describe('resolveRegionCells', () => {
  test('short names in cells and a detail that repeats the region', () => {
    expect(resolveRegionCells('浙江', '杭州', '西湖', '浙江省杭州市西湖区文三路1号')).toEqual({
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '文三路1号'
    })
  })
  test('municipality city cells', () => {
    expect(resolveRegionCells('北京市', '北京市', '朝阳区', '建国路')).toMatchObject({
      city: '市辖区',
      district: '朝阳区'
    })
    expect(resolveRegionCells('上海', '', '浦东新区', '世纪大道')).toMatchObject({
      city: '市辖区',
      district: '浦东新区'
    })
  })
  test('a detail naming another region keeps its text', () => {
    expect(
      resolveRegionCells('浙江省', '杭州市', '西湖区', '江苏省南京市玄武区中山路')
    ).toMatchObject({
      district: '西湖区',
      detail: '江苏省南京市玄武区中山路'
    })
  })
  test('missing district cell is refused', () => {
    expect(resolveRegionCells('浙江省', '杭州市', '', '文三路')).toMatchObject({
      problem: 'district'
    })
  })
})
