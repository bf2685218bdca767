// A room's notification setting is the account's push rules, so every client of the account
// agrees: "all" and "mentions" are a room rule (notify / nothing: mentions are override and
// content rules, which come first), "mute" an override rule matching the room (before all).
// Type imports only: the room projection uses this, and it is loaded before the SDK.
import type { ConditionKind, IPushRules, MatrixClient, PushRuleActionName, PushRuleKind } from 'matrix-js-sdk';
import type { NotifyMode } from '../db/types';

// The SDK's enums' values, as the spec names them.
const NOTIFY = 'notify' as PushRuleActionName.Notify;
const OVERRIDE = 'override' as PushRuleKind.Override;
const ROOM = 'room' as PushRuleKind.RoomSpecific;
const EVENT_MATCH = 'event_match' as ConditionKind.EventMatch;

export function notifyModeOf(rules: IPushRules | undefined, roomId: string): NotifyMode {
  const global = rules?.global;
  const override = global?.override?.find((r) => r.rule_id === roomId && r.enabled !== false);
  if (override && !override.actions.includes(NOTIFY)) return 'mute';
  const room = global?.room?.find((r) => r.rule_id === roomId && r.enabled !== false);
  if (room) return room.actions.includes(NOTIFY) ? 'all' : 'mentions';
  return 'default';
}

type PushRuleWriter = Pick<MatrixClient, 'addPushRule' | 'deletePushRule'>;

/** Writes the rules for a mode; a rule that is already gone is no failure. */
export async function applyNotifyMode(client: PushRuleWriter, roomId: string, mode: NotifyMode): Promise<void> {
  const remove = (kind: PushRuleKind) => client.deletePushRule('global', kind, roomId).catch(ignoreMissing);
  if (mode === 'mute') {
    await client.addPushRule('global', OVERRIDE, roomId, {
      actions: [],
      conditions: [{ kind: EVENT_MATCH, key: 'room_id', pattern: roomId }],
    });
    await remove(ROOM);
    return;
  }
  await remove(OVERRIDE);
  if (mode === 'default') await remove(ROOM);
  else await client.addPushRule('global', ROOM, roomId, { actions: mode === 'all' ? [NOTIFY] : [] });
}

function ignoreMissing(error: unknown): void {
  const e = error as { errcode?: string; httpStatus?: number };
  if (e?.errcode === 'M_NOT_FOUND' || e?.httpStatus === 404) return;
  throw error;
}
