'use client';
import { useTranslations } from 'next-intl';

/** A render failure: say so in the user's language and offer a reload (nothing stored is lost). */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('app');
  return (
    <main role="alert" className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-4 p-6">
      <h1 className="text-xl font-semibold">{t('crashTitle')}</h1>
      <p className="text-sm text-slate-600">{t('crashText')}</p>
      <div className="flex gap-2">
        <button className="rounded bg-sky-700 px-4 py-2 text-white" onClick={() => location.reload()}>
          {t('reload')}
        </button>
        <button className="rounded border border-slate-300 px-4 py-2" onClick={reset}>
          {t('retry')}
        </button>
      </div>
    </main>
  );
}
