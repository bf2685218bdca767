'use client';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslations } from 'next-intl';
import { setProfilePicture } from '@/lib/actions/setPicture';
import { myProfile } from '@/lib/db/queries';
import type { ProfileChange } from '@/lib/db/types';
import { RowChoices } from '../timeline/RowChoices';
import { PictureField } from '../ui/PictureField';

/** The user's picture, shown to others in every room; a change waits in the outbox when offline. */
export function ProfilePictureForm({ userId }: { userId: string }) {
  const t = useTranslations('settings');
  const tErrors = useTranslations('outbox.errors');
  const profile = useLiveQuery(() => myProfile(userId), [userId]);
  const pending = profile?.pending.filter((row) => (row.content as unknown as ProfileChange).field === 'avatar_url') ?? [];
  return (
    <PictureField
      label={t('picture')}
      chooseLabel={t('choosePicture')}
      removeLabel={t('removePicture')}
      mxc={profile?.avatarUrl}
      name={profile?.displayName ?? userId}
      id={userId}
      onPick={setProfilePicture}
    >
      {pending.map((row) => (
        <p key={row.txnId} className="text-ink-muted" data-testid="picture-pending" data-state={row.state}>
          {t('pictureWaiting')}
          {row.error ? ` · ${tErrors(row.error as 'rejected')} ` : ' '}
          {(row.state === 'failed' || row.state === 'needs-confirmation') && <RowChoices row={row} />}
        </p>
      ))}
    </PictureField>
  );
}
