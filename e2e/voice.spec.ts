import { expect, test } from '@playwright/test';
import { roomButton, signedInDevice } from './app';
import { newUser } from './homeserver';

test('a voice message recorded from the (fake) microphone arrives with its duration and waveform, and plays for bob', async ({ browser }) => {
  test.setTimeout(150_000);
  const [alice, bob] = await Promise.all([newUser('alice'), newUser('bob')]);
  const roomId = await bob.api.sharedRoom('Equipe', alice.api);
  const { context: aliceContext, page: a, errors: aliceErrors } = await signedInDevice(browser, alice, 'alice', { permissions: ['microphone'] });
  const { context: bobContext, page: b, errors: bobErrors } = await signedInDevice(browser, bob, 'bob');
  await roomButton(a, 'Equipe').click();
  await roomButton(b, 'Equipe').click();

  await a.getByRole('button', { name: 'Record a voice message' }).click();
  const recording = a.getByTestId('voice-recording');
  await expect(recording).toContainText('Recording 0:0');
  await expect(recording).toContainText('Recording 0:02', { timeout: 10_000 });
  await recording.getByRole('button', { name: 'Send' }).click();

  // What bob's homeserver holds: one voice message, about 2 s long, with a waveform.
  const voices = async () => (await bob.api.events(roomId)).filter((e) => e.content.msgtype === 'm.audio');
  await expect.poll(async () => (await voices()).length, { timeout: 30_000 }).toBe(1);
  const [voice] = await voices();
  expect(voice.content).toMatchObject({ body: 'Voice message', 'org.matrix.msc3245.voice': {} });
  const audio = voice.content['org.matrix.msc1767.audio'] as { duration: number; waveform: number[] };
  expect(audio.duration).toBeGreaterThan(1_800);
  expect(audio.duration).toBeLessThan(6_000);
  expect(audio.waveform.length).toBeGreaterThan(5);
  expect(Math.max(...audio.waveform)).toBe(1024);
  expect((voice.content.info as { mimetype: string }).mimetype).toMatch(/^audio\//);

  // Bob sees its waveform and length, and it plays.
  const message = b.getByTestId('voice-message');
  await expect(message.getByTestId('voice-waveform')).toBeVisible({ timeout: 30_000 });
  await expect(message.getByTestId('voice-duration')).toHaveText(/^[2-5] s$/);
  await message.getByRole('button', { name: 'Play the voice message' }).click();
  const player = message.getByTestId('attachment-player');
  await expect.poll(() => player.evaluate((el: HTMLAudioElement) => el.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.3);
  expect([...aliceErrors, ...bobErrors]).toEqual([]);
  await aliceContext.close();
  await bobContext.close();
});
