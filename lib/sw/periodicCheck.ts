/// <reference lib="webworker" />
// With every tab closed, the installed app looks for new messages now and then (Periodic
// Background Sync) and notifies of them, with no push gateway. It asks the homeserver what
// changed since the app's saved sync position without moving it (the app, when opened, still
// fetches and stores everything), and trusts the homeserver's counts, computed from the
// account's push rules, for what notifies. Encrypted messages say only "New message": the
// worker has no keys.
import { workerSession } from './workerSession';
import { lastNotified, getNotificationText, recordNotified } from '../db/notificationState';
import { getResumePoint } from '../db/resumePoint';
import { db } from '../db/database';
import { getSettings } from '../db/settings';
import { isRecord } from '../isRecord';
import { isEdit, notificationBody } from '../pwa/notificationBody';

declare const self: ServiceWorkerGlobalScope;

/** Only what notifications need: a few messages per room, no state, presence or account data. */
const FILTER = JSON.stringify({
  room: {
    timeline: { limit: 5, types: ['m.room.message', 'm.room.encrypted'] },
    state: { types: [] },
    ephemeral: { types: [] },
    account_data: { types: [] },
  },
  presence: { types: [] },
  account_data: { types: [] },
});

export async function checkForNewMessages(): Promise<void> {
  if (await appIsOpen()) return; // an open app syncs, and notifies, itself
  if (Notification.permission !== 'granted' || (await getSettings()).notifications !== true) return;
  const [session, point, words] = await Promise.all([workerSession(), getResumePoint(), getNotificationText()]);
  if (!session || !point || !words) return;
  const query = new URLSearchParams({ since: point.since, timeout: '0', filter: FILTER });
  const res = await fetch(`${session.homeserverUrl}/_matrix/client/v3/sync?${query}`, {
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
  if (!res.ok) return;
  const answer: unknown = await res.json();
  const joined = isRecord(answer) && isRecord(answer.rooms) && isRecord(answer.rooms.join) ? answer.rooms.join : {};
  const notified = await lastNotified();
  for (const [roomId, room] of Object.entries(joined)) {
    if (!isRecord(room)) continue;
    const counts = isRecord(room.unread_notifications) ? room.unread_notifications : {};
    // Nothing the push rules say notifies (a muted room, or no mention where mentions only).
    if (!(typeof counts.notification_count === 'number' && counts.notification_count > 0)) continue;
    const events = isRecord(room.timeline) && Array.isArray(room.timeline.events) ? room.timeline.events.filter(isRecord) : [];
    const news = events.filter((e) => e.sender !== session.userId && !(isRecord(e.content) && isEdit(e.content)));
    const newest = news[news.length - 1];
    if (!newest || typeof newest.event_id !== 'string' || notified[roomId] === newest.event_id) continue;
    const stored = await db().rooms.get(roomId);
    if (stored?.notify === 'mute') continue;
    // By default a group notifies of mentions only, as in the open app.
    const mentioned = typeof counts.highlight_count === 'number' && counts.highlight_count > 0;
    const direct = stored?.isDirect ?? false;
    if ((stored?.notify ?? 'default') === 'default' && !direct && !mentioned) continue;
    const content = newest.type === 'm.room.message' && isRecord(newest.content) ? newest.content : null;
    const body = notificationBody(content, words.text);
    const sender = typeof newest.sender === 'string' ? newest.sender : '';
    const title = direct ? sender : (stored?.name ?? words.text.newMessage);
    await self.registration.showNotification(title, {
      body: direct ? body : `${sender}: ${body}`,
      tag: roomId,
      lang: words.lang,
      icon: '/icons/icon-192.png',
      data: { roomId, url: `${words.path}#/room/${encodeURIComponent(roomId)}` },
    });
    await recordNotified(roomId, newest.event_id);
  }
}

/** A page of the app (not a file of it, such as the manifest) is open. */
async function appIsOpen(): Promise<boolean> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  return windows.some((w) => {
    const path = new URL(w.url).pathname;
    return path.endsWith('/') || path.endsWith('.html');
  });
}
