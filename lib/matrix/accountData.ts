import type { EventType } from 'matrix-js-sdk';

// The SDK keys account data by its EventType enum, a value import that would pull the whole
// SDK into the first page bundle; the wire name is the same string.
export const DIRECT = 'm.direct' as unknown as EventType.Direct;
