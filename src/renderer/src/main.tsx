import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createClient } from './api/client'
import { ClientContext } from './api/context'
import { App } from './app/App'
import './styles.css'
import { initI18n, isLanguage } from './i18n'

async function start(): Promise<void> {
  const client = createClient()
  const saved = await client
    .call('settings.get', { key: 'ui.language' })
    .catch(() => ({ value: null }))
  await initI18n(isLanguage(saved.value) ? saved.value : 'zh-CN')
  const root = document.getElementById('root')
  if (!root) {
    throw new Error('#root missing from index.html')
  }
  createRoot(root).render(
    <StrictMode>
      <ClientContext.Provider value={client}>
        <App />
      </ClientContext.Provider>
    </StrictMode>
  )
}

void start()
