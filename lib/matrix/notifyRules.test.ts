import type { IPushRules, MatrixClient } from 'matrix-js-sdk';
import { describe, expect, it } from 'vitest';
import { applyNotifyMode, notifyModeOf } from './notifyRules';

const ROOM = '!r:hs';

/** A fake account's push rules that the writes change, as the homeserver would. */
function account() {
  const rules: IPushRules = { global: { override: [], room: [], content: [], sender: [], underride: [] } } as unknown as IPushRules;
  const writes: string[] = [];
  const client = {
    addPushRule: async (_scope: string, kind: string, ruleId: string, body: { actions: unknown[]; conditions?: unknown[] }) => {
      writes.push(`PUT ${kind} ${JSON.stringify(body.actions)}`);
      const list = (rules.global as unknown as Record<string, unknown[]>)[kind];
      list.splice(0, list.length, ...list.filter((r) => (r as { rule_id: string }).rule_id !== ruleId), { rule_id: ruleId, enabled: true, default: false, ...body });
      return {};
    },
    deletePushRule: async (_scope: string, kind: string, ruleId: string) => {
      const list = (rules.global as unknown as Record<string, Array<{ rule_id: string }>>)[kind];
      const i = list.findIndex((r) => r.rule_id === ruleId);
      if (i < 0) throw Object.assign(new Error('not found'), { errcode: 'M_NOT_FOUND', httpStatus: 404 });
      writes.push(`DELETE ${kind}`);
      list.splice(i, 1);
      return {};
    },
  } as unknown as Pick<MatrixClient, 'addPushRule' | 'deletePushRule'>;
  return { rules, writes, client };
}

describe('a room’s notification setting as push rules', () => {
  it('reads default when the account has no rule for the room', () => {
    expect(notifyModeOf(undefined, ROOM)).toBe('default');
    expect(notifyModeOf(account().rules, ROOM)).toBe('default');
  });

  it('writes each mode so that reading it back gives the same mode, from any other mode', async () => {
    const { rules, client } = account();
    for (const mode of ['mute', 'all', 'mentions', 'mute', 'default', 'mentions', 'all', 'default'] as const) {
      await applyNotifyMode(client, ROOM, mode);
      expect(notifyModeOf(rules, ROOM)).toBe(mode);
    }
  });

  it('mute is an override rule matching the room; mentions a room rule with no action; all a room rule that notifies', async () => {
    const { rules, writes, client } = account();
    await applyNotifyMode(client, ROOM, 'mute');
    expect(rules.global.override).toEqual([
      expect.objectContaining({ rule_id: ROOM, actions: [], conditions: [{ kind: 'event_match', key: 'room_id', pattern: ROOM }] }),
    ]);
    await applyNotifyMode(client, ROOM, 'mentions');
    expect(rules.global.override).toEqual([]);
    expect(rules.global.room).toEqual([expect.objectContaining({ rule_id: ROOM, actions: [] })]);
    await applyNotifyMode(client, ROOM, 'all');
    expect(rules.global.room).toEqual([expect.objectContaining({ rule_id: ROOM, actions: ['notify'] })]);
    expect(writes).toEqual(['PUT override []', 'DELETE override', 'PUT room []', 'PUT room ["notify"]']);
  });

  it('a disabled rule does not count, and another room’s rules are left alone', async () => {
    const { rules, client } = account();
    await applyNotifyMode(client, '!other:hs', 'mute');
    rules.global.room!.push({ rule_id: ROOM, actions: [], enabled: false, default: false });
    expect(notifyModeOf(rules, ROOM)).toBe('default');
    await applyNotifyMode(client, ROOM, 'default');
    expect(notifyModeOf(rules, '!other:hs')).toBe('mute');
  });

  it('a refusal other than "no such rule" fails the change (the outbox retries it)', async () => {
    const { client } = account();
    (client as { deletePushRule: unknown }).deletePushRule = async () => {
      throw Object.assign(new Error('rate limited'), { errcode: 'M_LIMIT_EXCEEDED', httpStatus: 429 });
    };
    await expect(applyNotifyMode(client, ROOM, 'default')).rejects.toThrow('rate limited');
  });
});
