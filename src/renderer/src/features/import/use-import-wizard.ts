import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  ColumnMappingValue,
  ImportFieldName,
  ImportInspectionView
} from '../../../../shared/api/import'
import type { EventPayload, MethodOutput } from '../../../../shared/contract'
import { AppCallError } from '../../../../shared/result'
import { useClient } from '../../api/context'
import { errorWords } from '../../lib/error-words'

type Mappings = { readonly orders?: ColumnMappingValue; readonly items?: ColumnMappingValue }

export type Inspection = MethodOutput<'import.inspect'>
export type Preview = MethodOutput<'import.preview'>
export type Committed = MethodOutput<'import.commit'>
export type ProgressEvent = EventPayload<'import.progress'>
export type Chosen = { readonly fileId: string; readonly name: string }

/** What a preview is computed from: the chosen files and the mappings for them. */
type Basis = {
  readonly orders: Chosen
  readonly items: Chosen | null
  readonly inspection: Inspection
  readonly mapping: ColumnMappingValue
  readonly itemsMapping: ColumnMappingValue
}

/**
 * A file whose layout was saved with every required field mapped needs no clicks: the mapping
 * screen is skipped. With an item report, both layouts must be saved and complete.
 */
export function usesSavedLayouts(inspection: Inspection, items: Chosen | null): boolean {
  const complete = (view: ImportInspectionView | null) =>
    view !== null && view.mappingSource === 'saved' && view.missing.length === 0
  return complete(inspection.orders) && (items === null || complete(inspection.items))
}

function newPlanId(): string {
  const bytes = new Uint8Array(12)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

export type Running = { readonly planId: string; readonly phase: 'preview' | 'commit' }
type Duplicate = 'skip' | 'update'

/** Everything the import dialog shows and does; the step components only render it. */
export type ImportWizardState = {
  readonly step: number
  readonly setStep: (step: number) => void
  readonly ordersFile: Chosen | null
  readonly itemsFile: Chosen | null
  readonly busy: string | null
  readonly error: string | null
  readonly inspection: Inspection | null
  readonly mapping: ColumnMappingValue
  readonly itemsMapping: ColumnMappingValue
  readonly saveMapping: boolean
  readonly setSaveMapping: (save: boolean) => void
  readonly onDuplicate: Duplicate
  readonly setOnDuplicate: (value: Duplicate) => void
  readonly preview: Preview | null
  readonly progress: ProgressEvent | null
  readonly running: Running | null
  readonly done: Committed | null
  readonly close: () => void
  readonly upload: (file: File, role: 'orders' | 'items') => Promise<void>
  readonly downloadTemplate: () => Promise<void>
  readonly changeField: (
    file: 'orders' | 'items',
    field: ImportFieldName,
    column: string | undefined
  ) => void
  readonly runPreview: (duplicate: Duplicate) => Promise<boolean>
  readonly cancelRunning: () => Promise<void>
  readonly commit: () => Promise<void>
  readonly downloadRejected: (format: 'xlsx' | 'csv', source: 'orders' | 'items') => Promise<void>
  readonly layoutName: (view: ImportInspectionView, file: Chosen | null) => string
}

/**
 * The import dialog's state and its calls to main: file → mapping → preview → commit; nothing
 * is written before the commit. `onClose` runs after a close has cancelled what was running.
 */
export function useImportWizard(
  onClose: () => void,
  onCommitted?: (done: Committed) => void
): ImportWizardState {
  const { t, i18n } = useTranslation()
  const client = useClient()
  const reason = errorWords
  const [step, setStep] = useState(0)
  const [ordersFile, setOrdersFile] = useState<Chosen | null>(null)
  const [itemsFile, setItemsFile] = useState<Chosen | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [inspection, setInspection] = useState<Inspection | null>(null)
  const [mapping, setMapping] = useState<ColumnMappingValue>({})
  const [itemsMapping, setItemsMapping] = useState<ColumnMappingValue>({})
  const [saveMapping, setSaveMapping] = useState(true)
  const [onDuplicate, setOnDuplicate] = useState<'skip' | 'update'>('skip')
  const [preview, setPreview] = useState<Preview | null>(null)
  const [progress, setProgress] = useState<ProgressEvent | null>(null)
  const [running, setRunning] = useState<{ planId: string; phase: 'preview' | 'commit' } | null>(
    null
  )
  const [done, setDone] = useState<Committed | null>(null)
  const planRef = useRef<string | null>(null)

  useEffect(
    () =>
      client.on('import.progress', (p) => {
        if (p.planId === planRef.current) {
          setProgress(p)
        }
      }),
    [client]
  )

  const reset = () => {
    setStep(0)
    setOrdersFile(null)
    setItemsFile(null)
    setBusy(null)
    setError(null)
    setInspection(null)
    setMapping({})
    setItemsMapping({})
    setOnDuplicate('skip')
    setPreview(null)
    setProgress(null)
    setRunning(null)
    setDone(null)
    planRef.current = null
  }

  const close = () => {
    if (running) {
      void client.call('import.cancel', { planId: running.planId }).catch(() => undefined)
    } else if (preview && !done) {
      void client.call('import.cancel', { planId: preview.planId }).catch(() => undefined)
    }
    reset()
    onClose()
  }

  const inspect = async (orders: Chosen, items: Chosen | null, explicit: Mappings = {}) => {
    setError(null)
    setBusy(orders.name)
    try {
      const result = await client.call('import.inspect', {
        fileId: orders.fileId,
        ...(items ? { itemsFileId: items.fileId } : {}),
        ...(explicit.orders ? { mapping: explicit.orders } : {}),
        ...(items && explicit.items ? { itemsMapping: explicit.items } : {})
      })
      setInspection(result)
      setMapping(result.orders.mapping)
      setItemsMapping(result.items?.mapping ?? {})
      return result
    } catch (e) {
      setError(reason(e))
      return null
    } finally {
      setBusy(null)
    }
  }

  const upload = async (file: File, role: 'orders' | 'items') => {
    setError(null)
    setBusy(file.name)
    try {
      const { fileId } = await client.upload(file)
      const chosen = { fileId, name: file.name }
      const orders = role === 'orders' ? chosen : ordersFile
      const items = role === 'items' ? chosen : itemsFile
      if (role === 'orders') {
        setOrdersFile(chosen)
      } else {
        setItemsFile(chosen)
      }
      if (!orders) {
        return
      }
      const result = await inspect(orders, items)
      if (result && usesSavedLayouts(result, items)) {
        const previewed = await runPreview(onDuplicate, {
          orders,
          items,
          inspection: result,
          mapping: result.orders.mapping,
          itemsMapping: result.items?.mapping ?? {}
        })
        if (!previewed) {
          // The reason stays on screen; the mapping is where the packer can act on it.
          setStep(1)
        }
      } else if (result && role === 'orders') {
        setStep(1)
      }
    } catch (e) {
      setError(reason(e))
    } finally {
      setBusy(null)
    }
  }

  const downloadTemplate = async () => {
    try {
      const file = await client.call('import.template', {})
      await client.download(file.fileId, file.fileName)
    } catch (e) {
      setError(reason(e))
    }
  }

  const changeField = (
    file: 'orders' | 'items',
    field: ImportFieldName,
    column: string | undefined
  ) => {
    const next: ColumnMappingValue = { ...(file === 'items' ? itemsMapping : mapping) }
    if (column === undefined) {
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a mapping is a partial record by field name
      delete next[field]
    } else {
      next[field] = column
    }
    if (file === 'items') {
      setItemsMapping(next)
    } else {
      setMapping(next)
    }
    if (ordersFile) {
      // The other file keeps the mapping the user sees: explicit only once it was changed by hand.
      const both: Mappings =
        file === 'items'
          ? {
              items: next,
              ...(inspection?.orders.mappingSource === 'explicit' ? { orders: mapping } : {})
            }
          : {
              orders: next,
              ...(inspection?.items?.mappingSource === 'explicit' ? { items: itemsMapping } : {})
            }
      void inspect(ordersFile, itemsFile, both)
    }
  }

  /** Checks the data; true when the preview step is shown. */
  const runPreview = async (
    duplicate: 'skip' | 'update',
    basis: Basis | null = ordersFile && inspection
      ? { orders: ordersFile, items: itemsFile, inspection, mapping, itemsMapping }
      : null
  ): Promise<boolean> => {
    if (!basis) {
      return false
    }
    const { inspection: inspected, orders, items } = basis
    setError(null)
    const planId = newPlanId()
    planRef.current = planId
    setProgress(null)
    setRunning({ planId, phase: 'preview' })
    try {
      if (saveMapping && inspected.orders.mappingSource !== 'saved') {
        await client.call('import.saveMapping', {
          signature: inspected.orders.signature,
          mapping: basis.mapping
        })
      }
      if (saveMapping && inspected.items && inspected.items.mappingSource !== 'saved') {
        await client.call('import.saveMapping', {
          signature: inspected.items.signature,
          mapping: basis.itemsMapping
        })
      }
      if (preview) {
        void client.call('import.cancel', { planId: preview.planId }).catch(() => undefined)
      }
      const result = await client.call('import.preview', {
        planId,
        fileId: orders.fileId,
        ...(items ? { itemsFileId: items.fileId } : {}),
        ...(items && inspected.items ? { itemsMapping: basis.itemsMapping } : {}),
        mapping: basis.mapping,
        onDuplicate: duplicate
      })
      setPreview(result)
      setStep(2)
      return true
    } catch (e) {
      setError(reason(e))
      return false
    } finally {
      setRunning(null)
    }
  }

  const cancelRunning = async () => {
    if (running?.phase === 'commit') {
      // The commit rolls back and its call fails as cancelled (or it finished first): commit() settles it.
      await client.call('import.cancel', { planId: running.planId }).catch(() => undefined)
    } else if (running) {
      await client.call('import.cancel', { planId: running.planId }).catch(() => undefined)
      setRunning(null)
      setError(t('import.progress.cancelled'))
    }
  }

  const commit = async () => {
    if (!preview) {
      return
    }
    setError(null)
    setStep(3)
    planRef.current = preview.planId
    setProgress(null)
    setRunning({ planId: preview.planId, phase: 'commit' })
    try {
      const committed = await client.call('import.commit', { planId: preview.planId, onDuplicate })
      setDone(committed)
      onCommitted?.(committed)
    } catch (e) {
      const cancelled = e instanceof AppCallError && e.details?.importCode === 'CANCELLED'
      setError(cancelled ? t('import.progress.commitCancelled') : reason(e))
      setStep(2)
    } finally {
      setRunning(null)
    }
  }

  const downloadRejected = async (format: 'xlsx' | 'csv', source: 'orders' | 'items') => {
    if (!preview) {
      return
    }
    try {
      const file = await client.call('import.rejectedSheet', {
        planId: preview.planId,
        format,
        source,
        lang: i18n.language === 'en-US' ? 'en-US' : 'zh-CN'
      })
      await client.download(file.fileId, file.fileName)
    } catch (e) {
      setError(reason(e))
    }
  }

  /** A layout as the packer knows it: the export it was recognised as, else the file's name. */
  const layoutName = (view: ImportInspectionView, file: Chosen | null) =>
    view.preset ? t(`import.mapping.presets.${view.preset}`) : (file?.name ?? '')

  return {
    step,
    setStep,
    ordersFile,
    itemsFile,
    busy,
    error,
    inspection,
    mapping,
    itemsMapping,
    saveMapping,
    setSaveMapping,
    onDuplicate,
    setOnDuplicate,
    preview,
    progress,
    running,
    done,
    close,
    upload,
    downloadTemplate,
    changeField,
    runPreview: (duplicate) => runPreview(duplicate),
    cancelRunning,
    commit,
    downloadRejected,
    layoutName
  }
}
