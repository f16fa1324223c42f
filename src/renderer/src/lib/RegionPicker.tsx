import { Cascader } from 'antd'
import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react'
import { REGION_OPTIONS, type RegionOption } from './party-fields'

type Path = readonly RegionOption[]

function leafPaths(options: readonly RegionOption[], above: Path = []): Path[] {
  return options.flatMap((option) =>
    option.children?.length ? leafPaths(option.children, [...above, option]) : [[...above, option]]
  )
}

/** The search's matches in the order the dropdown lists them (antd's default filter). */
function firstMatch(paths: readonly Path[], search: string): Path | undefined {
  const needle = search.trim().toLowerCase()
  return needle === ''
    ? undefined
    : paths.find((path) => path.some((option) => option.label.toLowerCase().includes(needle)))
}

type Props = {
  readonly value?: string[]
  readonly onChange?: (value: string[]) => void
  readonly placeholder?: string
  readonly id?: string
}

/**
 * 省 / 市 / 区 with search: a packer types 西湖 and presses Enter to take the first match, as in
 * any search box, instead of reaching for the mouse (issue 10 item 16).
 */
export function RegionPicker({ value, onChange, placeholder, id }: Props): ReactNode {
  const paths = useMemo(() => leafPaths(REGION_OPTIONS), [])
  const [search, setSearch] = useState('')
  const [open, setOpen] = useState(false)

  const onKeyDown = (event: KeyboardEvent) => {
    const match = event.key === 'Enter' ? firstMatch(paths, search) : undefined
    if (match) {
      event.preventDefault()
      event.stopPropagation()
      onChange?.(match.map((option) => option.value))
      setSearch('')
      setOpen(false)
    }
  }

  return (
    <div onKeyDownCapture={onKeyDown}>
      <Cascader
        id={id}
        options={REGION_OPTIONS}
        style={{ width: '100%' }}
        value={value}
        placeholder={placeholder}
        open={open}
        onOpenChange={setOpen}
        onChange={(next) => {
          onChange?.(next.map(String))
        }}
        showSearch={{ limit: 50, searchValue: search, onSearch: setSearch }}
      />
    </div>
  )
}
