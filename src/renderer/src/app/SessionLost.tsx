import { Button, Result } from 'antd'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { sessionState } from '../api/client'
import { isSessionLost, onSessionLost } from '../api/session'

const CHECK_EVERY_MS = 2000

/**
 * Covers the app once browser mode refuses this tab (the app was restarted with a new token):
 * says so instead of an empty list, and reloads by itself as soon as the tab is let in again,
 * which happens when the packer opens the new address once (it sets the new cookie).
 */
export function SessionLost(): ReactNode {
  const { t } = useTranslation()
  const [lost, setLost] = useState(isSessionLost)

  useEffect(
    () =>
      onSessionLost(() => {
        setLost(true)
      }),
    []
  )

  useEffect(() => {
    if (!lost) {
      return undefined
    }
    const timer = setInterval(() => {
      void sessionState().then((state) => {
        if (state === 'ok') {
          location.reload()
        }
      })
    }, CHECK_EVERY_MS)
    return () => {
      clearInterval(timer)
    }
  }, [lost])

  if (!lost) {
    return null
  }
  return (
    <div
      role="alertdialog"
      aria-label={t('session.restarted')}
      style={{ position: 'fixed', inset: 0, zIndex: 2000, background: '#fff', paddingTop: 80 }}
    >
      <Result
        status="warning"
        title={t('session.restarted')}
        subTitle={t('session.howTo')}
        extra={
          <Button
            type="primary"
            onClick={() => {
              location.reload()
            }}
          >
            {t('session.reload')}
          </Button>
        }
      />
    </div>
  )
}
