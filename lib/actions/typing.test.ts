import { describe, expect, it } from 'vitest';
import { TYPING_RENEW_MS, typingNotifier } from './typing';

describe('typingNotifier', () => {
  it('says "typing" at most every few seconds, and "stopped" once when the text goes', () => {
    let clock = 0;
    const sent: boolean[] = [];
    const notifier = typingNotifier('!r', (_room, typing) => sent.push(typing), () => clock);
    notifier.typed('h');
    notifier.typed('he');
    clock += TYPING_RENEW_MS - 1;
    notifier.typed('hel');
    expect(sent).toEqual([true]);
    clock += 1;
    notifier.typed('hell');
    expect(sent).toEqual([true, true]);
    notifier.typed('');
    notifier.stopped();
    expect(sent).toEqual([true, true, false]);
  });
});
