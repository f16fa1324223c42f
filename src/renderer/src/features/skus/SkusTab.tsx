import { UploadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Flex, Input, Typography } from 'antd'
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useClient } from '../../api/context'
import { errorWords } from '../../lib/error-words'
import { SkuImportDialog } from './SkuImportDialog'
import { SkuTable, type SkuEdit } from './SkuTable'
import { useSkuWindow } from './use-sku-window'

/** A pause after typing before the catalogue is searched; Enter searches at once. */
const SEARCH_PAUSE_MS = 300

/** Settings → 商品: the SKU catalogue, searched, edited in place, imported from a sheet. */
export function SkusTab(): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message } = App.useApp()
  const [typed, setTyped] = useState('')
  const [search, setSearch] = useState('')
  const [refreshKey, setRefreshKey] = useState(0)
  const [importing, setImporting] = useState(false)
  const rows = useSkuWindow(search, refreshKey)
  const refresh = useCallback(() => {
    setRefreshKey((k) => k + 1)
  }, [])

  useEffect(() => {
    const timer = setTimeout(() => {
      setSearch(typed.trim())
    }, SEARCH_PAUSE_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [typed])

  const save = async (edit: SkuEdit): Promise<boolean> => {
    try {
      // Field by field: the row carries updatedAt, which the strict input refuses.
      await client.call('skus.update', {
        sku: edit.sku,
        title: edit.title,
        weightG: edit.weightG,
        lengthMm: edit.lengthMm,
        widthMm: edit.widthMm,
        heightMm: edit.heightMm,
        warehouse: edit.warehouse?.trim() === '' ? null : (edit.warehouse?.trim() ?? null),
        temperatureZone: edit.temperatureZone
      })
      void message.success(t('skus.saved', { sku: edit.sku }))
      refresh()
      return true
    } catch (error) {
      void message.error(errorWords(error))
      return false
    }
  }
  const remove = (sku: string) => {
    client
      .call('skus.delete', { sku })
      .then(() => {
        void message.success(t('skus.deleted', { sku }))
        refresh()
      })
      .catch((error: unknown) => {
        void message.error(errorWords(error))
      })
  }

  return (
    <Flex vertical gap={12} style={{ height: 'calc(100vh - 180px)', minHeight: 360 }}>
      <Typography.Text type="secondary">{t('skus.intro')}</Typography.Text>
      <Flex justify="space-between" align="center" gap={12}>
        <Flex align="center" gap={12}>
          <Input.Search
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value)
            }}
            onSearch={(value) => {
              setSearch(value.trim())
            }}
            placeholder={t('skus.search')}
            aria-label={t('skus.search')}
            style={{ width: 320 }}
            allowClear
          />
          <Typography.Text type="secondary" data-testid="sku-total">
            {t('skus.total', { count: rows.total })}
          </Typography.Text>
        </Flex>
        <Button
          type="primary"
          icon={<UploadOutlined />}
          onClick={() => {
            setImporting(true)
          }}
        >
          {t('skus.import')}
        </Button>
      </Flex>
      {rows.error !== null ? <Alert type="error" showIcon title={rows.error} /> : null}
      <SkuTable window={rows} emptyText={t('skus.empty')} onSave={save} onDelete={remove} />
      <SkuImportDialog
        open={importing}
        onClose={() => {
          setImporting(false)
        }}
        onImported={refresh}
      />
    </Flex>
  )
}
