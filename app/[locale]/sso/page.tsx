import { setRequestLocale } from 'next-intl/server';
import { SsoReturn } from '@/components/session/SsoReturn';

/** Where the homeserver sends the browser back after single sign-on, with a login token. */
export default async function SsoReturnPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <SsoReturn />;
}
