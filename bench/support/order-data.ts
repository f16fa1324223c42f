import type { NewOrder } from '../../src/main/core/db/orders-repo'
import { REGIONS } from '../../src/shared/regions'

const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
)
const GIVEN = Array.from(
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志华文斌宇浩然子涵欣怡梓轩诗雨'
)
const ITEMS = [
  '保温杯 350ml',
  '无线鼠标',
  '棉质T恤 L码',
  '蓝牙耳机',
  '手机壳',
  '洗发水 500ml',
  '坚果礼盒',
  '运动袜 5双装',
  '数据线 1m',
  '龙井茶 250g'
]

/** A deterministic pseudo-random source, so every run builds the same data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 4294967296
  }
}

const districts: { province: string; city: string; district: string }[] = []
for (const p of REGIONS) {
  for (const c of p.children ?? []) {
    for (const d of c.children ?? []) {
      districts.push({ province: p.name, city: c.name, district: d.name })
    }
  }
}

export function makeOrder(index: number, random: () => number, baseTime: number): NewOrder {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const region = pick(districts)
  const phone = `1${String(3 + Math.floor(random() * 7))}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`
  const name = pick(SURNAMES) + pick(GIVEN) + (random() < 0.5 ? pick(GIVEN) : '')
  return {
    shopId: 1,
    platformOrderId: `KS${String(2611000000000 + index)}`,
    status: 'pending',
    receiver: {
      name,
      phone,
      ...region,
      detail: `${pick(['文三路', '建国路', '人民路', '解放路'])} ${String(1 + Math.floor(random() * 300))} 号`
    },
    remark: '',
    createdAt: baseTime + index * 1000,
    paidAt: baseTime + index * 1000 + 60_000,
    updatedAt: baseTime + index * 1000,
    items: [0, 1, 2].map((n) => ({
      sku: `SKU-${String(n)}-${String(Math.floor(random() * 1000))}`,
      title: pick(ITEMS),
      quantity: 1 + Math.floor(random() * 3),
      unitWeightG: 50 + Math.floor(random() * 900),
      warehouse: null,
      temperatureZone: 'ambient' as const
    }))
  }
}
