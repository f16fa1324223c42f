import type { z } from 'zod'
import type { Contract, MethodName, MethodOutput } from '../../../shared/contract'
import type { Result } from '../../../shared/result'
import type { CoreContext } from '../context'

export type HostInfo = { readonly version: string; readonly host: 'electron' | 'browser' | 'cli' }

export type Handler<M extends MethodName> = (
  ctx: CoreContext,
  input: z.output<Contract[M]['input']>
) => Result<MethodOutput<M>> | Promise<Result<MethodOutput<M>>>

/** The handlers of one domain: a subset of the contract's methods. */
export type DomainHandlers<M extends MethodName> = { readonly [K in M]: Handler<K> }

export type Handlers = DomainHandlers<MethodName>
