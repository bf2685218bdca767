/**
 * The crypto WASM (the largest download and compile of the sync engine), loaded once per page.
 * Started as early as the engine is wanted, so that it compiles while the rest of the engine's
 * code loads; the SDK's initRustCrypto then finds it ready. A failure surfaces there.
 */
let loading: Promise<void> | null = null;

export function loadCryptoWasm(): Promise<void> {
  loading ??= import('@matrix-org/matrix-sdk-crypto-wasm').then((m) => m.initAsync());
  loading.catch(() => undefined);
  return loading;
}
