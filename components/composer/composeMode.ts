import type { MessageRef } from '@/lib/db/types';

/** What the composer's next Enter does: a new message, a reply, or a new text for a message. */
export type ComposeMode =
  | { kind: 'new' }
  | { kind: 'reply'; to: MessageRef; senderName: string; body: string }
  | { kind: 'edit'; message: MessageRef; body: string };

export const NEW_MESSAGE: ComposeMode = { kind: 'new' };
