/** English text for validation issue codes (CLI, logs). The renderer has its own translations. */
export const VALIDATION_MESSAGES: Readonly<Record<string, string>> = {
  required: 'is required',
  too_long: 'is too long',
  too_large: 'is too large',
  phone_invalid:
    'must be a mainland mobile (11 digits, 1[3-9]…) or a landline with area code (0571-88886666)',
  province_unknown: 'is not a province of mainland China',
  city_not_in_province: 'is not a city of that province',
  district_not_in_city: 'is not a district of that city',
  number_required: 'must be a number',
  integer_required: 'must be a whole number',
  quantity_min: 'must be at least 1',
  not_negative: 'must not be negative',
  items_required: 'needs at least one item',
  too_many_items: 'has too many items (at most 200)',
  order_id_chars: 'may hold only letters, digits, - and _',
  order_id_taken: 'already exists in this shop',
  shop_unknown: 'is not a shop of this station',
  invalid_type: 'has the wrong type',
  unrecognized_keys: 'has unknown fields',
  invalid_value: 'has a value that is not allowed',
  uri_invalid:
    'is not a printer address: use tcp://HOST:9100, lp://QUEUE, file:///dev/usb/lp0 or preview:labels',
  uri_port: 'has a port outside 1-65535',
  uri_device: 'may only name a device under /dev/ (file:///dev/usb/lp0)',
  uri_preview_dir: 'must be preview:FOLDER (inside the data folder) or preview:///ABSOLUTE/DIR',
  language_preview_png: 'must be png for a preview: printer',
  language_png_preview: 'may be png only for a preview: address',
  printer_name_taken: 'is already used by another printer',
  darkness_range: 'must be 0-15',
  offset_range: 'must be -400 to 400 dots',
  dpi_invalid: 'must be 203 or 300',
  tracking_number_chars: 'may hold 4-40 letters, digits and -'
}

export function describeIssue(path: string, code: string): string {
  const text = VALIDATION_MESSAGES[code] ?? code
  return path ? `${path} ${text}` : text
}
