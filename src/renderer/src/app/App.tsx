import {
  App as AntApp,
  ConfigProvider,
  Layout,
  Menu,
  Segmented,
  Space,
  Tooltip,
  Typography
} from 'antd'
import antdEnUS from 'antd/locale/en_US'
import antdZhCN from 'antd/locale/zh_CN'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useClient } from '../api/context'
import { i18next, isLanguage, type Language } from '../i18n'
import { PendingLabels } from '../features/settings/PendingLabels'
import { QueueIndicator } from '../features/printer-queue/QueueIndicator'
import { useStationTimeZone } from '../lib/station-time'
import { SessionLost } from './SessionLost'
import { WORKFLOWS } from './workflows'

export function App(): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const [language, setLanguage] = useState<Language>(
    isLanguage(i18next.language) ? i18next.language : 'zh-CN'
  )
  const [page, setPage] = useState('orders')
  // Loads the station's time zone; a change re-renders the pages, so every time shown follows it.
  const timeZone = useStationTimeZone()

  useEffect(() => {
    document.documentElement.lang = language
    document.title = t('app.title')
    document.getElementById('root')?.setAttribute('data-app-state', 'ready')
  }, [language, t])

  const ActivePage = WORKFLOWS.find((w) => w.key === page)?.Page ?? null

  const switchLanguage = (next: Language) => {
    setLanguage(next)
    void i18next.changeLanguage(next)
    void client.call('settings.set', { key: 'ui.language', value: next })
  }

  return (
    <ConfigProvider
      locale={language === 'zh-CN' ? antdZhCN : antdEnUS}
      theme={{ token: { colorPrimary: '#1f6feb', borderRadius: 6, fontSize: 14 } }}
    >
      <AntApp>
        <Layout style={{ height: '100vh' }}>
          <Layout.Sider width={188} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
            <div style={{ padding: '16px 20px 12px' }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                Waybill Station
              </Typography.Title>
              <Typography.Text type="secondary">打单发货工作台</Typography.Text>
            </div>
            <Menu
              mode="inline"
              selectedKeys={[page]}
              aria-label="workflows"
              onClick={(item) => {
                setPage(item.key)
              }}
              items={WORKFLOWS.map((w) => ({
                key: w.key,
                icon: w.icon,
                disabled: w.Page === null,
                label:
                  w.Page !== null ? (
                    t(`nav.${w.key}`)
                  ) : (
                    <Tooltip title={t('app.notYet')} placement="right">
                      <span>{t(`nav.${w.key}`)}</span>
                    </Tooltip>
                  )
              }))}
            />
          </Layout.Sider>
          <Layout>
            <Layout.Header
              style={{
                background: '#fff',
                borderBottom: '1px solid #f0f0f0',
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'space-between',
                padding: '0 20px',
                height: 56
              }}
            >
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t(`nav.${page}`)}
              </Typography.Title>
              <Space size={16}>
                {/* Every printer's queue, on every page: a dead printer's labels never wait unseen. */}
                <QueueIndicator />
                <Segmented<Language>
                  aria-label={t('app.language')}
                  value={language}
                  onChange={switchLanguage}
                  options={[
                    { label: '中文', value: 'zh-CN' },
                    { label: 'English', value: 'en-US' }
                  ]}
                />
              </Space>
            </Layout.Header>
            <Layout.Content
              style={{ padding: 16, overflow: 'hidden', display: 'flex', flexDirection: 'column' }}
            >
              {/* Labels a crash left unconfirmed are shown on every page until the packer answers. */}
              {page === 'settings' ? null : <PendingLabels />}
              {ActivePage ? <ActivePage key={timeZone} /> : null}
            </Layout.Content>
          </Layout>
        </Layout>
        <SessionLost />
      </AntApp>
    </ConfigProvider>
  )
}
