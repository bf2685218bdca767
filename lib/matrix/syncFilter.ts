import type { IFilterDefinition } from 'matrix-js-sdk';

/**
 * The /sync filter. Normal: up to 20 events per room per response, so that short absences
 * leave no gap. Data saver: 5 events, no typing notifications, no presence; gaps are
 * filled only when the user scrolls to them.
 */
export function syncFilterDefinition(dataSaver: boolean): IFilterDefinition {
  return {
    presence: { not_types: ['*'] },
    room: {
      timeline: { limit: dataSaver ? 5 : 20 },
      state: { lazy_load_members: true },
      ...(dataSaver ? { ephemeral: { not_types: ['m.typing'] } } : {}),
    },
  };
}
