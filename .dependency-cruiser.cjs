// The import boundaries of the architecture (README, "Architecture"), checked in `npm test`:
// layers from the bottom up are lib/db, lib/outbox and lib/media (pictures on the device),
// lib/matrix (the sync engine), lib/actions,
// components, app; nothing imports a layer above its own, screens never reach the SDK, the
// storage and outbox layers stay free of React, Next and the SDK, and the service worker's
// code reaches neither the SDK nor React.
const SDK = '(^|/)node_modules/(matrix-js-sdk|@matrix-org/matrix-sdk-crypto-wasm)/';
const UI = '(^|/)node_modules/(react|react-dom|next|next-intl)/';

/** A layer (by path) that must not import the layers above it. */
const below = (name, from, above) => ({
  name,
  severity: 'error',
  comment: `${from} is below ${above}: it must not import it`,
  from: { path: from },
  to: { path: above },
});

module.exports = {
  forbidden: [
    {
      name: 'screens-reach-the-engine-through-actions',
      severity: 'error',
      comment: 'components/ and app/ use lib/actions, never lib/matrix, the SDK or the crypto',
      from: { path: '^(components|app)/' },
      to: { path: ['^lib/matrix/', SDK] },
    },
    {
      name: 'storage-and-outbox-are-plain-typescript',
      severity: 'error',
      comment: 'lib/db, lib/outbox and lib/media run in the page and (db, outbox) in the service worker: no React, Next or SDK',
      from: { path: '^lib/(db|outbox|media)/' },
      to: { path: [SDK, UI] },
    },
    {
      name: 'worker-has-no-sdk-and-no-react',
      severity: 'error',
      comment: 'the service worker (lib/sw) reaches neither the SDK nor React, not even indirectly',
      from: { path: '^lib/sw/' },
      to: { path: [SDK, UI, '^lib/(matrix|actions)/', '^components/', '^app/'], reachable: true },
    },
    below('db-is-the-bottom', '^lib/db/', '^(lib/(outbox|media|matrix|actions|sw|pwa)|components|app)/'),
    below('media-below-engine', '^lib/media/', '^(lib/(outbox|matrix|actions|sw|pwa)|components|app)/'),
    below('outbox-below-engine', '^lib/outbox/', '^(lib/(matrix|actions|sw|pwa)|components|app)/'),
    below('engine-below-actions', '^lib/matrix/', '^(lib/(actions|sw)|components|app)/'),
    below('actions-below-screens', '^lib/actions/', '^(components|app)/'),
    below('components-below-app', '^components/', '^app/'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(\\.next|out|node_modules/\\.cache)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
