import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A static export: the app is served as files and must open without any server logic.
  output: 'export',
  // `/lb/` → `lb/index.html`, so any static server (and the service worker) finds every route.
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
};

export default withNextIntl(nextConfig);
