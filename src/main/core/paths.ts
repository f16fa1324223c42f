import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const PRODUCT_NAME = 'Waybill Station'

/** The OS user-data folder, the same one Electron's app.getPath('userData') gives this app. */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env
): string {
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME)
  }
  if (platform === 'darwin') {
    return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME)
  }
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME)
}

/** --data-dir wins, then WAYBILL_DATA_DIR, then the OS user-data folder. */
export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env
): string {
  if (flag) {
    return resolve(flag)
  }
  if (env.WAYBILL_DATA_DIR) {
    return resolve(env.WAYBILL_DATA_DIR)
  }
  return defaultUserDataDir(process.platform, env)
}
