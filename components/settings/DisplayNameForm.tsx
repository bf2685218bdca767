'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState, type FormEvent } from 'react';
import { setDisplayName } from '@/lib/actions/setDisplayName';
import { myDisplayName } from '@/lib/db/queries';
import { ErrorNote } from '../ui/ErrorNote';
import { useActionError } from '../ui/useActionError';

/** The name others see for the user. */
export function DisplayNameForm({ userId }: { userId: string }) {
  const t = useTranslations('settings');
  const [name, setName] = useState('');
  const [saved, setSaved] = useState(false);
  const { error, run } = useActionError();
  useEffect(() => {
    void myDisplayName(userId).then((current) => setName((typed) => typed || current || ''));
  }, [userId]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if ((await run(async () => (await setDisplayName(name), true))) === true) setSaved(true);
  }
  return (
    <form className="flex flex-col gap-1 text-sm" onSubmit={submit}>
      <label className="flex flex-col gap-1">
        <span>{t('displayName')}</span>
        <span className="flex gap-2">
          <input className="flex-1 rounded border border-line px-2 py-1" name="displayName" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="rounded border border-line px-3 py-1">
            {t('save')}
          </button>
        </span>
      </label>
      {saved && <span className="text-success">{t('displayNameSaved')}</span>}
      <ErrorNote error={error} />
    </form>
  );
}
