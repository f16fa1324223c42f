import { describe, expect, test } from 'vitest'
import { resolveRegionCells, splitAddress } from '../../../src/main/core/import/address'
import { regionProblem } from '../../../src/shared/regions'

describe('splitAddress', () => {
  test.each([
    ['浙江省 杭州市 西湖区 文三路 100号', '浙江省', '杭州市', '西湖区', '文三路 100号'],
    ['浙江省杭州市西湖区文三路100号', '浙江省', '杭州市', '西湖区', '文三路100号'],
    ['浙江 杭州 西湖区 文三路1号', '浙江省', '杭州市', '西湖区', '文三路1号'],
    ['浙江省 杭州市 西湖 文三路', '浙江省', '杭州市', '西湖区', '文三路'],
    ['北京 北京市 朝阳区 建国路1号', '北京市', '北京市', '朝阳区', '建国路1号'],
    ['北京市 市辖区 朝阳区 建国路1号', '北京市', '北京市', '朝阳区', '建国路1号'],
    ['上海市上海市浦东新区世纪大道1号', '上海市', '上海市', '浦东新区', '世纪大道1号'],
    ['上海市浦东新区世纪大道1号', '上海市', '上海市', '浦东新区', '世纪大道1号'],
    ['重庆 重庆市 城口县 葛城街道', '重庆市', '重庆市', '城口县', '葛城街道'],
    ['重庆市 县 城口县 葛城街道', '重庆市', '重庆市', '城口县', '葛城街道'],
    ['天津市和平区南京路1号', '天津市', '天津市', '和平区', '南京路1号'],
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
    expect(r).toEqual({ province, city, district, detail, platformDistrict: false })
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
      detail: '文三路1号',
      platformDistrict: false
    })
  })
  test('municipality city cells', () => {
    expect(resolveRegionCells('北京市', '北京市', '朝阳区', '建国路')).toMatchObject({
      city: '北京市',
      district: '朝阳区'
    })
    expect(resolveRegionCells('上海', '', '浦东新区', '世纪大道')).toMatchObject({
      city: '上海市',
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

describe('autonomous prefectures and counties written without 族 / 自治州', () => {
  const XJ = '新疆维吾尔自治区'
  test.each([
    ['新疆 伊犁 伊宁市 解放路1号', XJ, '伊犁哈萨克自治州', '伊宁市', '解放路1号'],
    ['新疆伊犁州伊宁市解放路1号', XJ, '伊犁哈萨克自治州', '伊宁市', '解放路1号'],
    ['新疆 博尔塔拉 博乐市 青得里大街2号', XJ, '博尔塔拉蒙古自治州', '博乐市', '青得里大街2号'],
    ['新疆 博州 博乐市 青得里大街2号', XJ, '博尔塔拉蒙古自治州', '博乐市', '青得里大街2号'],
    ['新疆 巴音郭楞 库尔勒市 人民东路3号', XJ, '巴音郭楞蒙古自治州', '库尔勒市', '人民东路3号'],
    ['新疆 巴州 库尔勒市 人民东路3号', XJ, '巴音郭楞蒙古自治州', '库尔勒市', '人民东路3号'],
    ['新疆 克孜勒苏 阿图什市 帕米尔路4号', XJ, '克孜勒苏柯尔克孜自治州', '阿图什市', '帕米尔路4号'],
    ['新疆 克州 阿图什市 帕米尔路4号', XJ, '克孜勒苏柯尔克孜自治州', '阿图什市', '帕米尔路4号'],
    [
      '新疆 伊犁 察布查尔县 锡伯大街5号',
      XJ,
      '伊犁哈萨克自治州',
      '察布查尔锡伯自治县',
      '锡伯大街5号'
    ],
    ['新疆 哈密 巴里坤县 汉城路6号', XJ, '哈密市', '巴里坤哈萨克自治县', '汉城路6号'],
    [
      '新疆 塔城地区 和布克赛尔县 和什托洛盖镇7号',
      XJ,
      '塔城地区',
      '和布克赛尔蒙古自治县',
      '和什托洛盖镇7号'
    ],
    [
      '新疆 喀什 塔什库尔干县 红其拉甫路8号',
      XJ,
      '喀什地区',
      '塔什库尔干塔吉克自治县',
      '红其拉甫路8号'
    ],
    ['广西 桂林 龙胜县 桂龙路9号', '广西壮族自治区', '桂林市', '龙胜各族自治县', '桂龙路9号'],
    ['云南 西双版纳 景洪市 宣慰大道10号', '云南省', '西双版纳傣族自治州', '景洪市', '宣慰大道10号'],
    ['甘肃 临夏州 东乡县 锁南镇11号', '甘肃省', '临夏回族自治州', '东乡族自治县', '锁南镇11号'],
    [
      '内蒙古 呼伦贝尔 鄂温克旗 巴彦托海镇12号',
      '内蒙古自治区',
      '呼伦贝尔市',
      '鄂温克族自治旗',
      '巴彦托海镇12号'
    ]
  ])('%s', (text, province, city, district, detail) => {
    expect(splitAddress(text)).toEqual({
      province,
      city,
      district,
      detail,
      platformDistrict: false
    })
    expect(regionProblem(province, city, district)).toBeUndefined()
  })

  test('a short form two divisions share is refused, not guessed', () => {
    // 伊宁 is both 伊宁市 and 伊宁县 of 伊犁.
    expect(splitAddress('新疆 伊犁 伊宁 解放路1号')).toMatchObject({
      problem: 'district',
      city: '伊犁哈萨克自治州'
    })
  })

  test('separate cells with short names', () => {
    expect(resolveRegionCells('新疆', '伊犁', '伊宁市', '解放路1号')).toEqual({
      province: XJ,
      city: '伊犁哈萨克自治州',
      district: '伊宁市',
      detail: '解放路1号',
      platformDistrict: false
    })
  })
})

/**
 * Districts the division data lacks but the platforms' address libraries carry (issue 9 item 1):
 * development and functional zones, and districts renamed or merged away. Province and city
 * resolve, so the order is kept with the district as written and marked a platform district.
 */
describe('platform districts: zones and renamed districts', () => {
  test.each([
    // Zones, written straight on or as a word, in eleven provinces.
    ['河南省郑州市郑州经开区航海东路1号', '河南省', '郑州市', '郑州经开区', '航海东路1号'],
    ['吉林省 长春市 长春新区 硅谷大街2号', '吉林省', '长春市', '长春新区', '硅谷大街2号'],
    ['安徽省合肥市合肥滨湖新区徽州大道3号', '安徽省', '合肥市', '合肥滨湖新区', '徽州大道3号'],
    ['陕西省 西安市 西安高新区 科技路4号', '陕西省', '西安市', '西安高新区', '科技路4号'],
    ['四川省成都市成都高新区天府大道5号', '四川省', '成都市', '成都高新区', '天府大道5号'],
    ['江苏省苏州市苏州高新区狮山路6号', '江苏省', '苏州市', '苏州高新区', '狮山路6号'],
    ['重庆市两江新区金开大道7号', '重庆市', '重庆市', '两江新区', '金开大道7号'],
    [
      '天津市 天津经济技术开发区 第三大街8号',
      '天津市',
      '天津市',
      '天津经济技术开发区',
      '第三大街8号'
    ],
    ['辽宁省大连市金普新区金马路9号', '辽宁省', '大连市', '金普新区', '金马路9号'],
    ['山东省 青岛市 青岛保税区 上海路10号', '山东省', '青岛市', '青岛保税区', '上海路10号'],
    [
      '湖北省武汉市东湖新技术开发区 光谷大道11号',
      '湖北省',
      '武汉市',
      '东湖新技术开发区',
      '光谷大道11号'
    ],
    // Renamed or merged districts that old buyer addresses still carry.
    ['北京市崇文区东花市大街12号', '北京市', '北京市', '崇文区', '东花市大街12号'],
    ['北京 北京市 宣武区 广安门内大街13号', '北京市', '北京市', '宣武区', '广安门内大街13号'],
    ['上海市闸北区天目中路14号', '上海市', '上海市', '闸北区', '天目中路14号'],
    ['上海市 市辖区 卢湾区 淮海中路15号', '上海市', '上海市', '卢湾区', '淮海中路15号'],
    ['上海 南汇区 惠南镇16号', '上海市', '上海市', '南汇区', '惠南镇16号'],
    ['浙江省杭州市江干区钱江路17号', '浙江省', '杭州市', '江干区', '钱江路17号'],
    ['浙江 杭州 下城区 武林路18号', '浙江省', '杭州市', '下城区', '武林路18号'],
    ['广东省广州市萝岗区科学大道19号', '广东省', '广州市', '萝岗区', '科学大道19号']
  ])('%s', (text, province, city, district, detail) => {
    expect(splitAddress(text)).toEqual({ province, city, district, detail, platformDistrict: true })
    // The manual form's contract accepts the same triple.
    expect(regionProblem(province, city, district)).toBeUndefined()
  })

  test("a zone that starts with its city's short name keeps that name", () => {
    expect(splitAddress('河南省 郑州经开区 航海东路1号')).toMatchObject({
      city: '郑州市',
      district: '郑州经开区',
      platformDistrict: true
    })
  })

  test('a known district stays a known district', () => {
    expect(splitAddress('河南省郑州市郑州经济技术开发区航海东路1号')).toMatchObject({
      district: '郑州经济技术开发区',
      platformDistrict: false
    })
    expect(splitAddress('江苏省苏州市苏州工业园区星湖街6号')).toMatchObject({
      district: '苏州工业园区',
      platformDistrict: false
    })
    expect(splitAddress('天津市滨海新区第三大街8号')).toMatchObject({
      district: '滨海新区',
      platformDistrict: false
    })
  })

  test('separate cells keep the district cell as written', () => {
    expect(resolveRegionCells('陕西', '西安市', '高新技术产业开发区管委会', '锦业路1号')).toEqual({
      province: '陕西省',
      city: '西安市',
      district: '高新技术产业开发区管委会',
      detail: '锦业路1号',
      platformDistrict: true
    })
    expect(resolveRegionCells('上海市', '市辖区', '闸北区', '上海市闸北区天目中路14号')).toEqual({
      province: '上海市',
      city: '上海市',
      district: '闸北区',
      detail: '天目中路14号',
      platformDistrict: true
    })
  })

  test.each([
    // Province or city not found: refused, whatever the district.
    ['火星 高新区 1号', 'province'],
    ['河南省 火星市 郑州经开区 1号', 'city'],
    // A street or a housing estate is not a district.
    ['浙江省杭州市文三路100号', 'district'],
    ['浙江省 杭州市 阳光小区 3幢', 'district']
  ])('refuses %s (%s)', (text, problem) => {
    expect(splitAddress(text)).toMatchObject({ problem })
  })
})
