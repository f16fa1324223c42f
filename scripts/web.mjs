// `npm run web -- [--port P] [--data-dir D]`: the UI in browser mode on 127.0.0.1.
import { ensureBuilt, runBrowserMode } from './lib.mjs'

ensureBuilt()
runBrowserMode(process.argv.slice(2))
