import { Input } from 'antd'
import type { ReactNode } from 'react'
import type { ListState } from './use-list'

/** The search box of a list from {@link useList}: types with a pause, Enter searches at once. */
export function ListSearch(props: {
  readonly list: Pick<ListState<object, unknown>, 'search' | 'setSearch' | 'searchNow'>
  readonly placeholder: string
  readonly width: number
}): ReactNode {
  const { list } = props
  return (
    <Input.Search
      value={list.search}
      onChange={(e) => {
        list.setSearch(e.target.value)
      }}
      onSearch={list.searchNow}
      placeholder={props.placeholder}
      aria-label={props.placeholder}
      style={{ width: props.width }}
      allowClear
    />
  )
}
