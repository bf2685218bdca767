// Which new messages notify: those the account's push rules say notify (the SDK evaluates
// them, after decryption for encrypted rooms), limited by default to direct chats and
// mentions; a room set to "all messages" notifies for every one, "mute" for none.
import { isLocked } from '../lock/appLock';
import { MatrixEventEvent, RoomEvent, type MatrixClient, type MatrixEvent, type Room } from 'matrix-js-sdk';
import { getSettings } from '../db/settings';
import { notificationText, showMessageNotification, type MessageNotification } from '../pwa/notifications';
import { isEdit, notificationBody } from '../pwa/notificationBody';
import { notifyModeOf } from './notifyRules';
import { directRoomIds } from './project';

/** Older messages (a catch-up after days offline) are not news. */
const FRESH_MS = 5 * 60_000;
/** How long a message may take to decrypt before it notifies as "New message". */
const DECRYPT_WAIT_MS = 10_000;

/** Watches the live timeline; returns the stop. */
export function watchForNotifications(client: MatrixClient): () => void {
  const onTimeline = (event: MatrixEvent, room: Room | undefined, toStart: boolean | undefined, removed: boolean, data: { liveEvent?: boolean }) => {
    if (!room || toStart || removed || !data.liveEvent) return;
    void notificationFor(client, event, room)
      .then((n) => (n ? showMessageNotification(n) : undefined))
      .catch((e: unknown) => console.warn('luxchat: notification not shown', e));
  };
  client.on(RoomEvent.Timeline, onTimeline);
  return () => client.off(RoomEvent.Timeline, onTimeline);
}

/** The notification a new event deserves, or null. */
export async function notificationFor(client: MatrixClient, event: MatrixEvent, room: Room): Promise<MessageNotification | null> {
  if (event.getSender() === client.getUserId() || Date.now() - event.getTs() > FRESH_MS) return null;
  if (event.isEncrypted()) await decrypted(event);
  if (event.getType() !== 'm.room.message' && event.getType() !== 'm.room.encrypted') return null;
  if (isEdit(event.getContent())) return null;
  if ((await getSettings()).notifications !== true) return null;
  const actions = client.getPushActionsForEvent(event, true);
  if (!actions?.notify) return null;
  const direct = directRoomIds(client).has(room.roomId) || room.getJoinedMemberCount() === 2;
  if (notifyModeOf(client.pushRules, room.roomId) === 'default' && !direct && !actions.tweaks.highlight) return null;
  // Behind the app lock, a notification says no more than that something arrived.
  if (isLocked()) return { roomId: room.roomId, title: notificationText().newMessage, body: '' };
  const sender = room.getMember(event.getSender() ?? '')?.name ?? event.getSender() ?? '';
  const undecrypted = event.isDecryptionFailure() || event.getType() === 'm.room.encrypted';
  const text = notificationBody(undecrypted ? null : event.getContent(), notificationText());
  return { roomId: room.roomId, title: direct ? sender : room.name, body: direct ? text : `${sender}: ${text}` };
}

function decrypted(event: MatrixEvent): Promise<void> {
  if (!event.isBeingDecrypted() && !event.shouldAttemptDecryption()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, DECRYPT_WAIT_MS);
    event.once(MatrixEventEvent.Decrypted, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
