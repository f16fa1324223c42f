import { DEMO_ORDER_COUNT } from '../../../shared/api/demo'
import type { OrderInput } from '../../../shared/schemas/order'

/** Where the demo's buyers live: many provinces, the four municipalities among them. */
const ADDRESSES: readonly (readonly [string, string, string, string])[] = [
  ['浙江省', '杭州市', '西湖区', '文三路 90 号东部软件园 2 号楼 301 室'],
  ['上海市', '上海市', '浦东新区', '张杨路 500 号华润时代广场 12 楼 1203'],
  ['北京市', '北京市', '朝阳区', '建国路 88 号现代城 5 号楼 1802'],
  ['广东省', '深圳市', '南山区', '科技园南区深南大道 9988 号 B 座 6 楼'],
  ['广东省', '广州市', '天河区', '天河路 208 号天河城大厦 15 楼'],
  ['江苏省', '南京市', '鼓楼区', '中山北路 30 号 2 单元 602 室'],
  ['江苏省', '苏州市', '姑苏区', '人民路 1188 号 3 幢 201 室'],
  ['四川省', '成都市', '武侯区', '人民南路四段 27 号 7 栋 1 单元 902'],
  ['湖北省', '武汉市', '洪山区', '珞喻路 1037 号 东区 12 栋'],
  ['山东省', '青岛市', '市南区', '香港中路 10 号 A 座 2306'],
  ['福建省', '厦门市', '思明区', '湖滨南路 388 号 18 楼'],
  ['重庆市', '重庆市', '渝中区', '民族路 188 号 21 楼 4 号'],
  ['天津市', '天津市', '和平区', '南京路 189 号 1 门 1101'],
  ['陕西省', '西安市', '雁塔区', '小寨东路 126 号 3 单元 1702'],
  ['湖南省', '长沙市', '岳麓区', '麓山南路 932 号 6 栋 501'],
  ['河南省', '郑州市', '金水区', '花园路 39 号 2 号楼 1506'],
  ['安徽省', '合肥市', '蜀山区', '长江西路 669 号 9 栋 302'],
  ['云南省', '昆明市', '五华区', '东风西路 11 号 1 栋 2 单元 401'],
  ['辽宁省', '沈阳市', '和平区', '南京北街 206 号 3 门 702'],
  ['黑龙江省', '哈尔滨市', '南岗区', '西大直街 92 号 5 单元 602'],
  ['广西壮族自治区', '南宁市', '青秀区', '民族大道 136 号 2 栋 1203'],
  ['江西省', '南昌市', '东湖区', '八一大道 357 号 12 楼'],
  ['河北省', '石家庄市', '长安区', '中山东路 39 号 4 单元 501'],
  ['山西省', '太原市', '小店区', '坞城路 92 号 8 号楼 3 单元 201'],
  ['贵州省', '贵阳市', '云岩区', '中华北路 242 号 16 楼'],
  ['吉林省', '长春市', '朝阳区', '人民大街 5988 号 2 门 803'],
  ['内蒙古自治区', '呼和浩特市', '赛罕区', '大学西街 235 号 1 单元 302'],
  ['海南省', '海口市', '龙华区', '滨海大道 77 号 9 楼'],
  ['甘肃省', '兰州市', '城关区', '天水南路 222 号 5 号楼 1 单元 401'],
  ['新疆维吾尔自治区', '乌鲁木齐市', '天山区', '解放北路 89 号 7 楼'],
  ['浙江省', '宁波市', '鄞州区', '天童南路 588 号 1 幢 1508'],
  ['广东省', '佛山市', '禅城区', '季华五路 23 号 2 座 1106'],
  ['浙江省', '温州市', '鹿城区', '车站大道 577 号 3 单元 702'],
  ['上海市', '上海市', '徐汇区', '漕溪北路 88 号 21 楼 2103'],
  ['北京市', '北京市', '海淀区', '中关村大街 27 号 11 层 1105'],
  ['江苏省', '无锡市', '梁溪区', '中山路 333 号 6 楼 608']
]

const FALLBACK = ['浙江省', '杭州市', '西湖区', '文三路 90 号'] as const

const NAMES = [
  '张伟',
  '王芳',
  '李娜',
  '刘洋',
  '陈静',
  '杨磊',
  '赵敏',
  '黄晓燕',
  '周杰',
  '吴婷',
  '徐明',
  '孙丽',
  '胡军',
  '朱琳',
  '高翔',
  '林小雨',
  '何欢',
  '郭涛',
  '马丽娟',
  '罗斌',
  '梁晨',
  '宋佳',
  '郑浩',
  '谢雯',
  '韩冰',
  '唐诗雨',
  '冯亮',
  '于洋',
  '董倩',
  '萧然',
  '程远',
  '曹雪',
  '袁野',
  '邓群',
  '许晴',
  '欧阳娜娜'
] as const

const PRODUCTS = [
  { sku: 'TS-WH-L', title: '纯棉短袖T恤 白色 L', unitWeightG: 180 },
  { sku: 'TS-BK-XL', title: '纯棉短袖T恤 黑色 XL', unitWeightG: 190 },
  { sku: 'CUP-500-WH', title: '不锈钢保温杯 500ml 白色', unitWeightG: 350 },
  { sku: 'SOCK-3P', title: '运动袜 三双装', unitWeightG: 120 },
  { sku: 'TEA-LJ-250', title: '西湖龙井 250g 罐装', unitWeightG: 300 },
  { sku: 'CASE-15-CL', title: '手机壳 透明防摔', unitWeightG: 40 },
  { sku: 'CABLE-C-1M', title: '数据线 Type-C 1 米', unitWeightG: 50 },
  { sku: 'TOWEL-2P', title: '纯棉毛巾 两条装', unitWeightG: 220 },
  { sku: 'NOTE-A5-3', title: 'A5 笔记本 三本装', unitWeightG: 450 },
  { sku: 'NUTS-30', title: '每日坚果 30 袋礼盒', unitWeightG: 750 }
] as const

const MOBILE_PREFIXES = ['138', '139', '158', '186', '177', '135'] as const
const REMARKS = ['', '', '', '请周末送达', '', '送礼，不要放发票', '', '']

const MINUTE = 60_000

/**
 * The demo's orders, the same on every machine: buyers in 30 provinces, one to three items an
 * order, phones of the obviously made-up 1xx0000nnnn kind that still pass validation. Their
 * ids (DEMO-0001 …) and the shop they land in say demo; the newest was paid a few minutes ago.
 */
export function demoOrderInputs(shopId: number, now: number): OrderInput[] {
  return Array.from({ length: DEMO_ORDER_COUNT }, (_, k) => {
    const [province, city, district, detail] = ADDRESSES[k % ADDRESSES.length] ?? FALLBACK
    const lines = 1 + (k % 3 === 2 ? 2 : k % 4 === 1 ? 1 : 0)
    const items = Array.from({ length: lines }, (_, j) => {
      const product = PRODUCTS[(k * 3 + j * 7) % PRODUCTS.length] ?? PRODUCTS[0]
      return { ...product, quantity: 1 + ((k + j) % 5 === 0 ? 1 : 0) }
    })
    const createdAt = now - (DEMO_ORDER_COUNT - k) * 17 * MINUTE
    return {
      shopId,
      platformOrderId: `DEMO-${String(k + 1).padStart(4, '0')}`,
      receiver: {
        name: NAMES[k % NAMES.length] ?? '张伟',
        phone: `${MOBILE_PREFIXES[k % MOBILE_PREFIXES.length] ?? '138'}0000${String(k + 1).padStart(4, '0')}`,
        province,
        city,
        district,
        detail
      },
      items,
      remark: REMARKS[k % REMARKS.length] ?? '',
      createdAt,
      paidAt: createdAt + 2 * MINUTE
    }
  })
}
