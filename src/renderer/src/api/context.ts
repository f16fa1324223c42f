import { createContext, useContext } from 'react'
import type { AppClient } from '../../../shared/contract'

export const ClientContext = createContext<AppClient | null>(null)

export function useClient(): AppClient {
  const client = useContext(ClientContext)
  if (!client) {
    throw new Error('useClient outside ClientContext')
  }
  return client
}
