import { setRequestLocale } from 'next-intl/server';
import { LuxchatApp } from '@/components/shell/LuxchatApp';

export default async function Home({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <LuxchatApp />;
}
