import type { Command } from 'commander'
import type { CliContext } from '../cli-context'

/** `demo load|remove|status`: the same contract methods as 载入示例订单 in the UI. */
export function registerDemoCommands(program: Command, cli: CliContext): void {
  const demo = program
    .command('demo')
    .description('demo orders (示例店铺) for a first try on the preview printer: load, remove')
  demo
    .command('status')
    .description('whether the demo shop is loaded, and how many orders it holds')
    .action(async () => {
      const state = await cli.call('demo.status', {})
      cli.print(
        state.shopId === null
          ? `no demo orders loaded${state.offer ? ' (this station has no orders yet: demo load adds some)' : ''}`
          : `示例店铺 (shop ${String(state.shopId)}): ${String(state.orders)} demo orders`,
        state
      )
    })
  demo
    .command('load')
    .description(
      'add the demo shop 示例店铺 with its demo orders (only on a station without orders)'
    )
    .action(async () => {
      const state = await cli.call('demo.load', {})
      cli.print(
        `loaded ${String(state.orders)} demo orders into 示例店铺 (shop ${String(state.shopId)}); print them with the demo pool (YTO, DEMO…) on 预览打印机`,
        state
      )
    })
  demo
    .command('remove')
    .description('remove the demo shop with all its orders, packages and print records')
    .action(async () => {
      const removed = await cli.call('demo.remove', {})
      cli.print(
        `removed ${String(removed.orders)} demo orders and ${String(removed.packages)} packages`,
        removed
      )
    })
}
