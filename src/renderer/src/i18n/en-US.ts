import type { Messages } from './zh-CN'

export const enUS: Messages = {
  app: {
    title: 'Waybill Station',
    language: 'Language',
    notYet: 'Not available yet: coming in a later version',
    loading: 'Loading…',
    sessionExpired: 'The session has expired: open the address printed at start again',
    error: 'Something went wrong: {{message}}'
  },
  nav: {
    orders: 'Orders',
    print: 'Print',
    printed: 'Printed',
    packages: 'Packages & append',
    aftersales: 'After-sales',
    exceptions: 'Exceptions',
    sync: 'Sync',
    settings: 'Settings'
  },
  orders: {
    title: 'Orders',
    searchPlaceholder: 'Search order id, receiver, phone, tracking number',
    scanPlaceholder: 'Scan an order id or tracking number, Enter',
    scanNotFound: 'No order found for {{code}}',
    scanFound: 'Found order {{id}}',
    add: 'New order',
    total: '{{count}} orders',
    totalCapped: 'More than {{count}} orders',
    empty: 'No orders yet. Click "New order" to enter one.',
    noMatch: 'No matching orders',
    columns: {
      platformOrderId: 'Order id',
      receiver: 'Receiver',
      phone: 'Phone',
      region: 'Region',
      items: 'Items',
      status: 'Status',
      tracking: 'Tracking no.',
      createdAt: 'Created'
    },
    status: {
      pending: 'To ship',
      partially_shipped: 'Partly shipped',
      shipped: 'Shipped',
      closed: 'Closed'
    }
  },
  form: {
    title: 'New order (manual entry)',
    receiver: 'Receiver',
    receiverName: 'Receiver name',
    phone: 'Phone',
    phoneHint: '11-digit mobile, or a landline with area code, e.g. 0571-88886666',
    region: 'Province / city / district',
    regionPlaceholder: 'Choose, or type to search',
    detail: 'Street address',
    detailPlaceholder: 'Street, building, room',
    platformOrderId: 'Order id',
    platformOrderIdHint: 'Leave empty to number it automatically',
    items: 'Items',
    sku: 'SKU',
    itemTitle: 'Title',
    quantity: 'Qty',
    unitWeight: 'Unit weight (g)',
    addItem: 'Add item',
    removeItem: 'Remove',
    remark: 'Remark',
    submit: 'Save order',
    cancel: 'Cancel',
    saved: 'Order {{id}} saved'
  },
  detail: {
    title: 'Order {{id}}',
    shop: 'Shop',
    status: 'Status',
    receiver: 'Receiver',
    phone: 'Phone',
    address: 'Address',
    remark: 'Remark',
    createdAt: 'Created',
    paidAt: 'Paid',
    shippedAt: 'Shipped',
    items: 'Items',
    packages: 'Packages',
    history: 'History',
    noPackages: 'No waybill printed yet',
    sequence: 'No.',
    role: 'Role',
    carrier: 'Carrier',
    trackingNumber: 'Tracking no.',
    printState: 'Print',
    shipState: 'Ship',
    syncState: 'Sync',
    weight: 'Weight (g)',
    action: {
      'order.created': 'Order created',
      'order.imported': 'Order imported',
      'order.updated': 'Order updated'
    }
  },
  validation: {
    required: 'Required',
    too_long: 'Too long',
    too_large: 'Too large',
    phone_invalid:
      'Enter an 11-digit mobile starting with 1, or a landline with area code such as 0571-88886666',
    province_unknown: 'Not a valid province',
    city_not_in_province: 'This city is not in the chosen province',
    district_not_in_city: 'This district is not in the chosen city',
    number_required: 'Enter a number',
    integer_required: 'Enter a whole number',
    quantity_min: 'At least 1',
    not_negative: 'Must not be negative',
    items_required: 'Add at least one item',
    too_many_items: 'Too many items (at most 200)',
    order_id_chars: 'Letters, digits, - and _ only',
    order_id_taken: 'This order id already exists in this shop',
    region_required: 'Choose province / city / district'
  }
}
