import { getRequestConfig } from 'next-intl/server';
import { defaultLocale, isLocale } from './locales';

// Runs at build time only (static export): one set of messages per pre-rendered locale.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : defaultLocale;
  return {
    locale,
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
