import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  // Messages are compiled at build time: the first load carries no ICU parser.
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
});

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
