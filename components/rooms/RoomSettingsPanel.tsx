'use client';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { renameRoom } from '@/lib/actions/renameRoom';
import { setRoomTopic } from '@/lib/actions/setRoomTopic';
import { may } from '@/lib/actions/roomPermissions';
import { setRoomPicture } from '@/lib/actions/setPicture';
import { setRoomNotifications } from '@/lib/actions/setRoomNotifications';
import type { NotifyMode, RoomRow } from '@/lib/db/types';
import { LabelledSelect } from '../ui/LabelledSelect';
import { ErrorNote } from '../ui/ErrorNote';
import { PictureField } from '../ui/PictureField';
import { useActionError } from '../ui/useActionError';

/** A room's name, topic and picture; changing them needs the power the room's levels ask for. */
export function RoomSettingsPanel({ room, onClose }: { room: RoomRow; onClose: () => void }) {
  const t = useTranslations('room');
  const tMembers = useTranslations('members');
  return (
    <section aria-label={t('settings')} data-testid="room-settings" className="flex flex-col gap-3 border-b border-line bg-surface-alt p-3 text-sm">
      <div className="flex items-center justify-between">
        <h3 className="font-medium">{t('settings')}</h3>
        <button className="text-ink-muted underline" onClick={onClose}>
          {tMembers('close')}
        </button>
      </div>
      <SettingField label={t('name')} name="name" initial={room.name} allowed={may(room, 'name')} save={(v) => renameRoom(room.roomId, v)} />
      <SettingField label={t('topic')} name="topic" initial={room.topic ?? ''} allowed={may(room, 'topic')} save={(v) => setRoomTopic(room.roomId, v)} />
      <PictureField
        label={t('picture')}
        chooseLabel={t('choosePicture')}
        removeLabel={t('removePicture')}
        mxc={room.avatarUrl}
        name={room.name}
        id={room.roomId}
        onPick={(file) => setRoomPicture(room.roomId, file)}
      >
        {!may(room, 'avatar') && <p className="text-xs text-ink-muted">{t('onlyModerators')}</p>}
      </PictureField>
      <NotifySetting room={room} />
    </section>
  );
}

/** Anyone may choose when a room notifies them: it is the user's own setting, not the room's. */
function NotifySetting({ room }: { room: RoomRow }) {
  const t = useTranslations('room');
  const [chosen, setChosen] = useState<NotifyMode | null>(null);
  const { error, run } = useActionError();
  const choose = (mode: NotifyMode) => {
    setChosen(mode);
    void run(() => setRoomNotifications(room.roomId, mode));
  };
  return (
    <div className="flex flex-col gap-1">
      <LabelledSelect label={t('notify')} name="notify" value={chosen ?? room.notify ?? 'default'} onChange={(v) => choose(v as NotifyMode)}>
        <option value="default">{t(room.isDirect ? 'notifyDefaultDirect' : 'notifyDefaultGroup')}</option>
        <option value="all">{t('notifyAll')}</option>
        <option value="mentions">{t('notifyMentions')}</option>
        <option value="mute">{t('notifyMute')}</option>
      </LabelledSelect>
      <ErrorNote error={error} />
    </div>
  );
}

function SettingField({ label, name, initial, allowed, save }: { label: string; name: string; initial: string; allowed: boolean; save: (value: string) => Promise<void> }) {
  const t = useTranslations('room');
  const [value, setValue] = useState(initial);
  const [saved, setSaved] = useState(false);
  const { error, run } = useActionError();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if ((await run(async () => (await save(value), true))) === true) setSaved(true);
  }
  return (
    <form className="flex flex-col gap-1" onSubmit={submit}>
      <label className="flex flex-col gap-1">
        <span>{label}</span>
        <input className="rounded border border-line px-2 py-1" name={name} value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      {!allowed && <p className="text-xs text-ink-muted">{t('onlyModerators')}</p>}
      <div className="flex items-center gap-2">
        <button type="submit" className="rounded bg-brand px-3 py-1 text-white">
          {t('save')}
        </button>
        {saved && <span className="text-success">{t('saved')}</span>}
      </div>
      <ErrorNote error={error} />
    </form>
  );
}
