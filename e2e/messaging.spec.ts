import { expect, test, type Locator, type Page } from '@playwright/test';
import { loginThroughUi, roomButton, saveRecoveryKey, trackPageErrors } from './app';
import { newUser } from './homeserver';
import type { ApiUser, TimelineEvent } from './matrixApi';
import { cut, restore } from './network';
import { HOMESERVER_URL } from './ports';

/** Alice in the browser, bob through the API, in bob's room (alice has no power to delete his messages). */
async function aliceAndBob(page: Page, roomName: string) {
  const alice = await newUser('alice');
  const bob = await newUser('bob');
  const roomId = await bob.api.sharedRoom(roomName, alice.api);
  await loginThroughUi(page, alice, HOMESERVER_URL);
  // A new account's first device shows its recovery key once: noted, out of the way.
  await saveRecoveryKey(page);
  await roomButton(page, roomName).click();
  await expect(composer(page)).toBeVisible();
  return { alice, bob, roomId };
}

const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const message = (page: Page, text: string) => page.getByTestId('timeline').getByTestId('message').filter({ has: page.getByTestId('message-text').getByText(text, { exact: true }) });

async function act(item: Locator, testId: 'reply' | 'edit' | 'delete') {
  await item.hover();
  await item.getByTestId(testId).click();
}

async function react(item: Locator, key: string) {
  await item.hover();
  await item.locator(`[data-testid="quick-reaction"][data-key="${key}"]`).click();
}

/** What alice's own events look like to bob, in order: readable summaries. */
async function aliceEvents(bob: ApiUser, roomId: string, aliceId: string): Promise<string[]> {
  const events = await bob.events(roomId);
  const byId = new Map(events.map((e) => [e.event_id, e]));
  // A redacted event keeps no content.
  const deleted = (e: TimelineEvent) => Object.keys(e.content).length === 0;
  const label = (id?: string) => {
    const e = id ? byId.get(id) : undefined;
    if (!e) return `?${id}`;
    return deleted(e) ? `(deleted ${e.type})` : (e.content.body ?? e.type);
  };
  const describe = (e: TimelineEvent) => {
    const rel = e.content['m.relates_to'];
    if (deleted(e)) return `deleted ${e.type}`;
    if (e.type === 'm.room.redaction') return `delete ${label(e.redacts)}`;
    if (e.type === 'm.reaction') return `react ${rel?.key} to ${label(rel?.event_id)}`;
    if (rel?.rel_type === 'm.replace') return `edit ${label(rel.event_id)} to ${e.content['m.new_content']?.body}`;
    if (rel?.['m.in_reply_to']) return `reply ${e.content.body} to ${label(rel['m.in_reply_to'].event_id)}`;
    return `message ${e.content.body ?? '(deleted)'}`;
  };
  return events.filter((e) => e.sender === aliceId && e.type !== 'm.room.member').map(describe);
}

test('reply, react and take it back, edit with Up, delete with a confirmation: bob gets each once', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = trackPageErrors(page);
  const { alice, bob, roomId } = await aliceAndBob(page, 'Büro');
  await bob.api.send(roomId, 'When is the meeting?');
  const question = message(page, 'When is the meeting?');
  await expect(question).toBeVisible();
  // Not alice's message, and she may not delete others' here.
  await question.hover();
  await expect(question.getByTestId('delete')).toHaveCount(0);
  await expect(question.getByTestId('edit')).toHaveCount(0);

  await act(question, 'reply');
  await expect(page.getByTestId('compose-mode')).toContainText('When is the meeting?');
  await composer(page).fill('At 10');
  await composer(page).press('Enter');
  const reply = message(page, 'At 10');
  await expect(reply.getByTestId('reply-quote')).toContainText('When is the meeting?');
  await expect(page.getByTestId('compose-mode')).toHaveCount(0);

  await react(question, '👍');
  await expect(question.getByTestId('reaction')).toHaveAttribute('aria-pressed', 'true');
  await expect(question.getByTestId('reaction')).toHaveText('👍 1');
  await expect.poll(() => aliceEvents(bob.api, roomId, alice.userId), { timeout: 30_000 }).toEqual(['reply At 10 to When is the meeting?', 'react 👍 to When is the meeting?']);
  // Clicking one's own reaction takes it back.
  await question.getByTestId('reaction').click();
  await expect(question.getByTestId('reaction')).toHaveCount(0);

  // Up in the empty composer edits the last message.
  await expect(page.locator('[data-pending]')).toHaveCount(0, { timeout: 30_000 });
  await composer(page).press('ArrowUp');
  await expect(composer(page)).toHaveValue('At 10');
  await composer(page).fill('At 11');
  await composer(page).press('Enter');
  const edited = message(page, 'At 11');
  await expect(edited.getByTestId('edited')).toBeVisible();
  await expect(edited.getByTestId('reply-quote')).toContainText('When is the meeting?');

  await act(edited, 'delete');
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('timeline').getByText('Message deleted')).toBeVisible();

  await expect
    .poll(() => aliceEvents(bob.api, roomId, alice.userId), { timeout: 30_000 })
    .toEqual([
      'deleted m.room.message',
      'deleted m.reaction',
      'delete (deleted m.reaction)',
      'edit (deleted m.room.message) to At 11',
      'delete (deleted m.room.message)',
    ]);
  expect(errors).toEqual([]);
});

test('offline: a message, a reply to it, a reaction on it and an edit of it survive a reload and reach bob once, in order', async ({ page, context }) => {
  test.setTimeout(150_000);
  const { alice, bob, roomId } = await aliceAndBob(page, 'Terrain');
  await cut(context, HOMESERVER_URL);
  await composer(page).fill('Damaged sign on the N7');
  await composer(page).press('Enter');
  const first = message(page, 'Damaged sign on the N7');
  await expect(first).toHaveAttribute('data-pending', /queued|sending/);

  await act(first, 'reply');
  await composer(page).fill('Photo follows');
  await composer(page).press('Enter');
  await expect(message(page, 'Photo follows').getByTestId('reply-quote')).toContainText('Damaged sign on the N7');
  await react(first, '👍');
  await expect(first.getByTestId('reaction')).toHaveText('👍 1');
  await act(first, 'edit');
  await expect(composer(page)).toHaveValue('Damaged sign on the N7');
  await composer(page).fill('Damaged sign on the N7, km 12');
  await composer(page).press('Enter');
  // A message written by mistake and deleted before it ever left.
  await composer(page).fill('Wrong room');
  await composer(page).press('Enter');
  await act(message(page, 'Wrong room'), 'delete');
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(message(page, 'Wrong room')).toHaveCount(0);

  await page.reload();
  await roomButton(page, 'Terrain').click();
  const edited = message(page, 'Damaged sign on the N7, km 12');
  await expect(edited.getByTestId('edited')).toBeVisible();
  await expect(edited.getByTestId('reaction')).toHaveText('👍 1');
  expect(await aliceEvents(bob.api, roomId, alice.userId)).toEqual([]);

  await restore(context, HOMESERVER_URL);
  await expect
    .poll(() => aliceEvents(bob.api, roomId, alice.userId), { timeout: 90_000, intervals: [1_000] })
    .toEqual([
      'message Damaged sign on the N7',
      'reply Photo follows to Damaged sign on the N7',
      'react 👍 to Damaged sign on the N7',
      'edit Damaged sign on the N7 to Damaged sign on the N7, km 12',
    ]);
  await expect(page.locator('[data-pending]')).toHaveCount(0, { timeout: 30_000 });
  await expect(message(page, 'Damaged sign on the N7, km 12').getByTestId('edited')).toBeVisible();
  await expect(message(page, 'Damaged sign on the N7, km 12').getByTestId('reaction')).toHaveText('👍 1');
});

type Ephemeral = { type: string; content: Record<string, unknown> & { user_ids?: string[] } };

/** The room's typing and receipt events, as bob's client would learn them from a fresh /sync. */
async function ephemeral(bob: ApiUser, roomId: string): Promise<Ephemeral[]> {
  // A filter of its own each time: Synapse answers an identical /sync from a cache for a while.
  const filter = { room: { rooms: [roomId], timeline: { limit: 1, not_types: [`x.nocache.${Date.now()}`] }, state: { lazy_load_members: true } } };
  const sync = await bob.call<{ rooms?: { join?: Record<string, { ephemeral?: { events?: Ephemeral[] } }> } }>(
    'GET',
    `/sync?timeout=0&filter=${encodeURIComponent(JSON.stringify(filter))}`,
  );
  return sync.rooms?.join?.[roomId]?.ephemeral?.events ?? [];
}

async function typingUsers(bob: ApiUser, roomId: string): Promise<string[]> {
  return (await ephemeral(bob, roomId)).find((e) => e.type === 'm.typing')?.content.user_ids ?? [];
}

/** The event `userId` has read up to, by the homeserver's receipts. */
async function readUpTo(bob: ApiUser, roomId: string, userId: string): Promise<string | undefined> {
  const receipts = (await ephemeral(bob, roomId)).find((e) => e.type === 'm.receipt')?.content ?? {};
  return Object.entries(receipts).find(([, byType]) => userId in ((byType as Record<string, Record<string, unknown>>)['m.read'] ?? {}))?.[0];
}

test("read receipts and typing: bob's read shows under alice's message; each sees the other typing, until the message is sent", async ({ page }) => {
  test.setTimeout(120_000);
  const { alice, bob, roomId } = await aliceAndBob(page, 'Receipts');
  await composer(page).fill('Did you get the file?');
  await composer(page).press('Enter');
  const mine = message(page, 'Did you get the file?');
  // The sync's echo replaces the outbox row: the message now has its event id.
  await expect(mine).toHaveAttribute('data-event-id', /^\$/, { timeout: 30_000 });
  const eventId = await mine.getAttribute('data-event-id');
  expect(eventId).toBeTruthy();
  await expect(mine.getByTestId('read-by')).toHaveCount(0);

  await bob.api.call('POST', `/rooms/${encodeURIComponent(roomId)}/receipt/m.read/${encodeURIComponent(eventId!)}`, {});
  await expect(mine.getByTestId('read-by')).toHaveAttribute('title', new RegExp(`Seen by ${bob.username}`), { timeout: 30_000 });

  // bob types: alice sees it.
  await bob.api.call('PUT', `/rooms/${encodeURIComponent(roomId)}/typing/${encodeURIComponent(bob.userId)}`, { typing: true, timeout: 20_000 });
  await expect(page.getByTestId('typing')).toHaveText(new RegExp(`${bob.username}.* is typing…`), { timeout: 30_000 });
  await bob.api.call('PUT', `/rooms/${encodeURIComponent(roomId)}/typing/${encodeURIComponent(bob.userId)}`, { typing: false });
  await expect(page.getByTestId('typing')).toHaveText('', { timeout: 30_000 });

  // alice types: bob sees it; she sends, and it stops.
  await composer(page).pressSequentially('Yes, th');
  await expect.poll(() => typingUsers(bob.api, roomId), { timeout: 30_000 }).toEqual([alice.userId]);
  await composer(page).pressSequentially('anks');
  await composer(page).press('Enter');
  // Sooner than the 20 s after which the homeserver would forget it by itself: the app said so.
  await expect.poll(() => typingUsers(bob.api, roomId), { timeout: 10_000 }).toEqual([]);
});

test('a day separator, one header for a run of messages, and an unread line where alice left off, with a jump to it', async ({ page }) => {
  test.setTimeout(120_000);
  const { alice, bob, roomId } = await aliceAndBob(page, 'Unread');
  const read = await bob.api.send(roomId, 'Read before');
  await expect(message(page, 'Read before')).toBeVisible();
  // Read in an open room: alice's receipt for it reaches the homeserver.
  await expect.poll(() => readUpTo(bob.api, roomId, alice.userId), { timeout: 30_000 }).toBe(read);
  await page.goto('/en/');
  await bob.api.send(roomId, 'New one');
  await bob.api.send(roomId, 'New two');
  await roomButton(page, 'Unread').click();
  await expect(message(page, 'New two')).toBeVisible();
  await expect(page.getByTestId('day-separator').first()).toHaveText('Today');
  // The line sits between what was read and what was not.
  const items = page.getByTestId('timeline').locator('> li');
  const texts = await items.evaluateAll((lis) => lis.map((li) => (li.getAttribute('data-testid') === 'unread-line' ? '—unread—' : (li.querySelector('[data-testid="message-text"]')?.textContent ?? ''))));
  expect(texts.filter((t) => ['Read before', '—unread—', 'New one', 'New two'].includes(t))).toEqual(['Read before', '—unread—', 'New one', 'New two']);
  // "New two" follows "New one" from the same sender: one header for both.
  await expect(message(page, 'New two')).toHaveAttribute('data-grouped', '');
  await expect(message(page, 'New one')).not.toHaveAttribute('data-grouped', '');
  await page.getByTestId('jump-to-unread').click();
  await expect(page.getByTestId('unread-line')).toBeInViewport();
  await expect(page.getByTestId('jump-to-unread')).toHaveCount(0);
});

test('mentions: "@" offers the members, the pill goes out with m.mentions; a mention of alice badges her room list and is highlighted', async ({ page }) => {
  test.setTimeout(120_000);
  const { alice, bob, roomId } = await aliceAndBob(page, 'Mentions');
  await bob.api.send(roomId, 'Hello');
  await expect(message(page, 'Hello')).toBeVisible();

  await composer(page).pressSequentially(`@${bob.username.slice(0, 5)}`);
  const suggestions = page.getByTestId('mention-suggestions');
  await expect(suggestions.getByRole('option')).toHaveCount(1);
  await expect(suggestions.getByRole('option').first()).toContainText(bob.userId);
  await composer(page).press('Enter');
  await expect(composer(page)).toHaveValue(`${bob.username} `);
  await composer(page).pressSequentially('please check');
  await composer(page).press('Enter');
  await expect
    .poll(async () => (await bob.api.events(roomId)).findLast((e) => e.sender === alice.userId)?.content, { timeout: 30_000 })
    .toMatchObject({
      body: `${bob.username} please check`,
      formatted_body: `<a href="https://matrix.to/#/${bob.userId}">${bob.username}</a> please check`,
      'm.mentions': { user_ids: [bob.userId] },
    });

  // Back on the room list, bob mentions alice.
  await page.goto('/en/');
  await bob.api.sendEvent(roomId, 'm.room.message', {
    msgtype: 'm.text',
    body: `${alice.username}: the report?`,
    format: 'org.matrix.custom.html',
    formatted_body: `<a href="https://matrix.to/#/${alice.userId}">${alice.username}</a>: the report?`,
    'm.mentions': { user_ids: [alice.userId] },
  });
  await expect(roomButton(page, 'Mentions').getByTestId('room-mentions')).toHaveText('@1', { timeout: 30_000 });
  await roomButton(page, 'Mentions').click();
  await expect(message(page, `${alice.username}: the report?`)).toHaveAttribute('data-highlight', '');
  await expect(message(page, 'Hello')).not.toHaveAttribute('data-highlight', '');
  await expect(roomButton(page, 'Mentions').getByTestId('room-mentions')).toHaveCount(0);
});
