import type { DataSaverSetting } from '../db/types';

interface NetworkInformationLike {
  saveData?: boolean;
  effectiveType?: string;
  addEventListener?(type: 'change', listener: () => void): void;
  removeEventListener?(type: 'change', listener: () => void): void;
}

function connection(): NetworkInformationLike | undefined {
  return (globalThis.navigator as (Navigator & { connection?: NetworkInformationLike }) | undefined)?.connection;
}

/** Whether to save data now: the setting, or in `auto` the browser's Save-Data and 2g hints. */
export function dataSaverActive(setting: DataSaverSetting, network: NetworkInformationLike | undefined = connection()): boolean {
  if (setting !== 'auto') return setting === 'on';
  if (!network) return false;
  return network.saveData === true || network.effectiveType === '2g' || network.effectiveType === 'slow-2g';
}

/** Calls back when the browser's connection hints change; returns the stop. */
export function watchNetworkHints(onChange: () => void): () => void {
  const network = connection();
  network?.addEventListener?.('change', onChange);
  return () => network?.removeEventListener?.('change', onChange);
}
