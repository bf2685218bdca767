'use client';
import { useTranslations } from 'next-intl';
import { useSyncExternalStore } from 'react';
import { discardMessage } from '@/lib/actions/outbox';
import type { OutboxRow } from '@/lib/db/types';
import { subscribeUploadProgress, uploadProgress } from '@/lib/outbox/uploadProgress';

/**
 * An attachment still going up: how far (a progress bar, in every tab), and Cancel. Cancelling
 * drops the row: an upload under way may finish, but its message is never sent.
 */
export function UploadStatus({ row }: { row: OutboxRow }) {
  const t = useTranslations('media');
  const fraction = useSyncExternalStore(subscribeUploadProgress, () => uploadProgress(row.txnId), () => undefined);
  if (!row.uploads?.some((u) => !u.mxc)) return null;
  const percent = fraction === undefined ? undefined : Math.round(fraction * 100);
  return (
    <span className="flex items-center gap-2 text-xs text-ink-muted" data-testid="upload-status">
      <progress max={100} value={percent} aria-label={t('uploading')} className="h-2 w-32" />
      {percent !== undefined && <span>{percent} %</span>}
      <button type="button" className="text-link underline" onClick={() => void discardMessage(row.txnId)}>
        {t('cancelUpload')}
      </button>
    </span>
  );
}
