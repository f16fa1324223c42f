import { useEffect, useSyncExternalStore } from 'react'
import type { AppClient, MethodOutput } from '../../../../shared/contract'
import { useClient } from '../../api/context'

export type DemoState = MethodOutput<'demo.status'>

type Store = {
  state: DemoState | null
  readonly listeners: Set<() => void>
  refresh: () => void
}

/**
 * One demo state per client, shared by every place that shows it (the Orders banner, the 示例
 * tags in each list row): one `demo.status` call per change of the orders, not one per row.
 */
const stores = new WeakMap<AppClient, Store>()

function storeFor(client: AppClient): Store {
  let store = stores.get(client)
  if (!store) {
    const created: Store = {
      state: null,
      listeners: new Set(),
      refresh: () => {
        client
          .call('demo.status', {})
          .then((state) => {
            created.state = state
            for (const listener of created.listeners) {
              listener()
            }
          })
          .catch(() => undefined)
      }
    }
    client.on('orders.changed', created.refresh)
    created.refresh()
    store = created
    stores.set(client, created)
  }
  return store
}

/** The demo shop's state (null until known), and a refresh to call after load or remove. */
export function useDemo(): { readonly demo: DemoState | null; readonly refresh: () => void } {
  const client = useClient()
  const store = storeFor(client)
  const demo = useSyncExternalStore(
    (listener) => {
      store.listeners.add(listener)
      return () => {
        store.listeners.delete(listener)
      }
    },
    () => store.state
  )
  // A page opened again (a tab switch) asks once more: the data may have changed meanwhile.
  useEffect(() => {
    store.refresh()
  }, [store])
  return { demo, refresh: store.refresh }
}
