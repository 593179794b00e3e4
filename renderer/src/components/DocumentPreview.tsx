/**
 * A printed document as the resident will get it: the archived PDF in a frame, with 打印
 * (the original the first time, 补打 after) and 关闭. Esc closes. Main does the printing
 * (documents.print), so Electron and browser mode behave the same.
 */
import { Alert, Button, Modal, Select, Space, Spin, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import type { DocumentMeta } from '../../../common/contracts/documents';
import { api, ApiError } from '../api';
import { errorText } from './feedback';
import * as S from './document-strings';

interface Props {
  /** the document to show; null keeps the preview closed */
  documentId: string | null;
  onClose: () => void;
  /** told after each successful print, e.g. to refresh a list's print counts */
  onPrinted?: (meta: DocumentMeta) => void;
}

interface Choosing {
  /** null while the list is being read */
  options: { value: string; label: string }[] | null;
  choice: string | null;
  problem: string | null;
}

function pdfUrl(base64: string): string {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

export function DocumentPreview({ documentId, onClose, onPrinted }: Props) {
  const [meta, setMeta] = useState<DocumentMeta | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  /** the printer list offered when none is chosen yet; null while not asking */
  const [choosing, setChoosing] = useState<Choosing | null>(null);
  const choosingLoaded = choosing?.options != null;
  const choosingPreset = choosing?.choice != null;

  useEffect(() => {
    if (!documentId) return;
    let cancelled = false;
    let made: string | null = null;
    setMeta(null);
    setUrl(null);
    setLoadError(null);
    setResult(null);
    setChoosing(null);
    api['documents.get']({ id: documentId }).then(
      (r) => {
        if (cancelled) return;
        made = pdfUrl(r.pdfBase64);
        setMeta(r.document);
        setUrl(made);
      },
      (err: unknown) => !cancelled && setLoadError(errorText(err)),
    );
    return () => {
      cancelled = true;
      // The PDF holds personal data: it lives only as long as the preview.
      if (made) URL.revokeObjectURL(made);
    };
  }, [documentId]);

  // With the system's default printer preset, Enter uses it; otherwise the list takes the keys.
  useEffect(() => {
    if (choosingLoaded && choosingPreset) chooseButton.current?.focus();
  }, [choosingLoaded, choosingPreset]);

  // Enter prints once the document is there (keyboard first, DESIGN.md §8).
  useEffect(() => {
    if (meta) printButton.current?.focus();
  }, [meta]);

  async function print(printer?: string) {
    if (!meta) return;
    setPrinting(true);
    setResult(null);
    try {
      // The choice is kept for this machine before the job goes out (printers.choose).
      if (printer) await api['printers.choose']({ printer });
      setChoosing(null);
      const r = await api['documents.print']({ id: meta.id });
      const next = { ...meta, printCount: r.printCount };
      setMeta(next);
      setResult({ ok: true, text: S.printedText(r) });
      onPrinted?.(next);
    } catch (err) {
      // No printer chosen yet: offer the list right here instead of sending the clerk to 设置.
      if (err instanceof ApiError && err.fields?.printer && !printer) void offerPrinters();
      else setResult({ ok: false, text: errorText(err) });
    } finally {
      setPrinting(false);
    }
  }

  async function offerPrinters() {
    setChoosing({ options: null, choice: null, problem: null });
    try {
      const list = await api['printers.list']({});
      const options = list.printers.map((p) => ({ value: p.name, label: p.isDefault ? `${p.name}${S.PRINTER_DEFAULT}` : p.name }));
      const preferred = list.printers.find((p) => p.isDefault)?.name ?? list.printers[0]?.name ?? null;
      setChoosing({ options, choice: preferred, problem: list.problem ?? (options.length === 0 ? S.CHOOSE_NONE : null) });
    } catch (err) {
      setChoosing({ options: [], choice: null, problem: errorText(err) });
    }
  }

  const reprint = (meta?.printCount ?? 0) > 0;
  const chooser = choosing && (
    <div className="sd-print-choose" data-testid="document-choose-printer">
      <Alert type="warning" showIcon title={S.CHOOSE_TITLE} description={choosing.problem ?? S.CHOOSE_HELP} style={{ marginBottom: 8 }} />
      {choosing.options === null ? (
        <Spin size="small" description={S.CHOOSE_LOADING} />
      ) : (
        choosing.options.length > 0 && (
          <Space>
            <Select
              autoFocus={!choosing.choice}
              style={{ minWidth: 320 }}
              placeholder={S.CHOOSE_PLACEHOLDER}
              options={choosing.options}
              value={choosing.choice ?? undefined}
              onChange={(v: string) => {
                setChoosing({ ...choosing, choice: v });
                chooseButton.current?.focus();
              }}
              data-testid="document-printer-select"
            />
            <Button ref={chooseButton} type="primary" icon={<PrinterOutlined />} disabled={!choosing.choice} loading={printing} onClick={() => choosing.choice && void print(choosing.choice)} data-testid="document-printer-ok">
              {S.CHOOSE_OK}
            </Button>
          </Space>
        )
      )}
    </div>
  );
  return (
    <Modal
      open={documentId !== null}
      title={meta ? `${meta.title}\u3000${meta.number}` : S.PREVIEW_TITLE}
      width={880}
      centered
      destroyOnHidden
      mask={{ closable: false }}
      keyboard
      onCancel={onClose}
      footer={
        <Space>
          {meta && <Typography.Text type="secondary">{S.printCountText(meta.printCount)}</Typography.Text>}
          <Button
            ref={printButton}
            type="primary"
            icon={<PrinterOutlined />}
            loading={printing}
            disabled={!meta}
            onClick={() => void print()}
            data-testid="document-print"
          >
            {reprint ? S.REPRINT : S.PRINT}
          </Button>
          <Button onClick={onClose} data-testid="document-close" title={S.ESC_HINT}>
            {S.CLOSE}
          </Button>
        </Space>
      }
    >
      <div data-testid="document-preview">
        {chooser}
        {result && <Alert type={result.ok ? 'success' : 'error'} showIcon title={result.text} style={{ marginBottom: 12 }} data-testid="document-print-result" />}
        {loadError && <Alert type="error" showIcon title={loadError} data-testid="document-load-error" />}
        {!loadError && !url && (
          <div style={{ height: 560, display: 'grid', placeItems: 'center' }}>
            <Spin description={S.PREVIEW_LOADING} />
          </div>
        )}
        {url && <iframe src={url} title={S.PREVIEW_FRAME_TITLE} style={{ width: '100%', height: '70vh', border: '1px solid #d9d9d9' }} data-testid="document-frame" />}
      </div>
    </Modal>
  );
}
