import type { Bundle } from '../../i18n/bundles'

const zhCN = {
  sender: {
    title: '寄件人',
    description: '打印在每张面单寄件人栏的姓名、电话和发货地址。未填写时只打印店铺名称。',
    notSet: '还没有填写寄件人，面单上只会印店铺名称',
    name: '寄件人 / 店铺名',
    phone: '电话',
    region: '省 / 市 / 区',
    detail: '详细地址',
    save: '保存',
    saved: '寄件人已保存，之后打印的面单会印上新地址',
    failed: '保存失败：{{message}}'
  }
}

export const senderBundle: Bundle<typeof zhCN> = {
  zhCN,
  enUS: {
    sender: {
      title: 'Sender',
      description:
        'The name, phone and return address printed in every label’s sender block. Until it is set, labels show the shop’s name only.',
      notSet: 'No sender yet: labels show only the shop’s name',
      name: 'Sender / shop name',
      phone: 'Phone',
      region: 'Province / city / district',
      detail: 'Street address',
      save: 'Save',
      saved: 'Sender saved; labels printed from now on carry it',
      failed: 'Could not save: {{message}}'
    }
  }
}
