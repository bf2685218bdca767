'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { LoginFlows, SsoProvider } from '@/lib/actions/loginOptions';

const loadOptions = () => import('@/lib/actions/loginOptions');

/** A button per identity provider the homeserver lists; each goes there and comes back signed in. */
export function SsoButtons({ flows }: { flows: LoginFlows }) {
  const t = useTranslations('login.sso');
  const locale = useLocale();
  const [leaving, setLeaving] = useState(false);
  const go = async (provider: SsoProvider) => {
    setLeaving(true);
    const { beginSso } = await loadOptions();
    location.assign(beginSso(flows.baseUrl, provider, location.origin, locale));
  };
  return (
    <div className="flex flex-col gap-2" data-testid="sso-providers">
      {flows.sso.map((provider) => (
        <button
          key={provider.id ?? ''}
          type="button"
          disabled={leaving}
          onClick={() => void go(provider)}
          className="flex items-center justify-center gap-2 rounded border border-line px-4 py-2 font-medium hover:bg-surface-alt disabled:opacity-60"
        >
          {provider.icon && <ProviderIcon baseUrl={flows.baseUrl} mxc={provider.icon} />}
          {provider.name ? t('continueWith', { name: provider.name }) : t('continue')}
        </button>
      ))}
    </div>
  );
}

function ProviderIcon({ baseUrl, mxc }: { baseUrl: string; mxc: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let shown: string | null = null;
    let stale = false;
    void loadOptions()
      .then(({ ssoIconUrl }) => ssoIconUrl(baseUrl, mxc))
      .then((found) => {
        if (stale && found) URL.revokeObjectURL(found);
        else setUrl((shown = found));
      });
    return () => {
      stale = true;
      if (shown) URL.revokeObjectURL(shown);
    };
  }, [baseUrl, mxc]);
  // Decorative: the provider's name is on the button.
  return url ? <img src={url} alt="" width={24} height={24} className="h-6 w-6" /> : null;
}
