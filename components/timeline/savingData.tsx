'use client';
import { createContext, useContext } from 'react';

/** Whether data saver is on where the timeline is shown (the syncing tab decides, every tab follows). */
export const SavingData = createContext(false);

export function useSavingData(): boolean {
  return useContext(SavingData);
}
