// Bundled into the benchmark page (esbuild): fills the app's own database, with the app's schema.
import { db } from '../lib/db/database';
import type { EventRow, RoomRow } from '../lib/db/types';

export async function seed({ rooms, events, homeserverUrl }: { rooms: number; events: number; homeserverUrl: string }) {
  const d = db();
  await d.session.put({ id: 'current', homeserverUrl, userId: '@bench:localhost', deviceId: 'BENCH', accessToken: 'none' });
  // A reopened app: it has a position to resume the sync from.
  await d.kv.put({ key: 'resumePoint', since: 's1', filterId: '0' });
  const now = Date.now();
  const perRoom = Math.ceil(events / rooms);
  const roomRows: RoomRow[] = [];
  for (let r = 0; r < rooms; r++) {
    roomRows.push({
      roomId: `!room${r}:localhost`,
      name: `Room ${r}`,
      membership: 'join',
      isDirect: r % 2 === 0,
      encrypted: true,
      lastTs: now - r * 60_000,
      lastSender: 'Anna',
      lastBody: `Last message in room ${r}`,
      unread: r % 5,
      mentions: 0,
      tags: [],
    });
  }
  await d.rooms.bulkPut(roomRows);
  let batch: EventRow[] = [];
  for (let r = 0; r < rooms; r++) {
    for (let i = 0; i < perRoom; i++) {
      const body = `Message ${i} in room ${r}: Moien, wéi geet et? Dëst ass e Benchmark-Message.`;
      batch.push({
        eventId: `$r${r}e${i}`,
        roomId: `!room${r}:localhost`,
        ts: now - r * 60_000 - (perRoom - i) * 1_000,
        sender: i % 2 ? '@anna:localhost' : '@bench:localhost',
        senderName: i % 2 ? 'Anna' : 'Bench',
        type: 'm.room.message',
        msgtype: 'm.text',
        body,
        content: { msgtype: 'm.text', body },
      });
      if (batch.length === 10_000) {
        await d.events.bulkPut(batch);
        batch = [];
      }
    }
  }
  if (batch.length) await d.events.bulkPut(batch);
  return { rooms: await d.rooms.count(), events: await d.events.count() };
}
