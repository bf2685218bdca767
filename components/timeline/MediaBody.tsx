'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { downloadAttachment } from '@/lib/actions/downloadAttachment';
import { isRecord } from '@/lib/isRecord';
import { blurhashIn, pictureOf, pictureState, requestPicture, smallEnoughForSaver, subscribePictures } from '@/lib/media/attachmentImages';
import { ErrorNote } from '../ui/ErrorNote';
import { useActionError } from '../ui/useActionError';
import { whenVisible } from '../ui/whenVisible';
import { BlurhashPlaceholder } from './BlurhashPlaceholder';
import { Lightbox } from './Lightbox';
import { useSavingData } from './savingData';
import { PaperclipIcon } from '../ui/icons';

const MEDIA = new Set(['m.image', 'm.file', 'm.video', 'm.audio']);

export function isMedia(content: Record<string, unknown> | undefined): boolean {
  return typeof content?.msgtype === 'string' && MEDIA.has(content.msgtype);
}

/** A picture, a file, a video or a sound: the picture shown, the rest as a card to download. */
export function MediaBody({ body, content }: { body: string; content: Record<string, unknown> }) {
  const info = fieldOf(content, 'info');
  const name = typeof content.filename === 'string' ? content.filename : body;
  const caption = typeof content.filename === 'string' && body !== content.filename ? body : undefined;
  const sent = typeof content.url === 'string' || isRecord(content.file);
  return (
    <span className="flex flex-col gap-1" data-testid="attachment" data-msgtype={String(content.msgtype)}>
      {content.msgtype === 'm.image' && sent ? (
        <Picture content={content} alt={caption ?? name} width={num(info.w)} height={num(info.h)} />
      ) : content.msgtype === 'm.audio' && sent && isVoice(content) ? (
        <VoiceMessage content={content} />
      ) : (content.msgtype === 'm.video' || content.msgtype === 'm.audio') && sent ? (
        <Player content={content} name={name} video={content.msgtype === 'm.video'} />
      ) : (
        <FileCard content={content} name={name} size={num(info.size)} mimetype={typeof info.mimetype === 'string' ? info.mimetype : ''} sent={sent} />
      )}
      {caption && <span data-testid="attachment-caption">{caption}</span>}
    </span>
  );
}

function isVoice(content: Record<string, unknown>): boolean {
  return isRecord(content['org.matrix.msc3245.voice']);
}

/** A voice message: its waveform and length, played in the page (with a seek bar) once asked for. */
function VoiceMessage({ content }: { content: Record<string, unknown> }) {
  const t = useTranslations('voice');
  const audio = fieldOf(content, 'org.matrix.msc1767.audio');
  const waveform = Array.isArray(audio.waveform) ? audio.waveform.filter((v): v is number => typeof v === 'number').slice(0, 120) : [];
  const durationMs = num(audio.duration) ?? num(fieldOf(content, 'info').duration);
  return (
    <span className="flex flex-col gap-1" data-testid="voice-message">
      <span className="flex items-center gap-2">
        {waveform.length > 0 && (
          <svg width={waveform.length * 3} height={24} aria-hidden="true" className="text-link" data-testid="voice-waveform">
            {waveform.map((v, i) => {
              const h = Math.max(2, Math.round((Math.min(1024, Math.max(0, v)) / 1024) * 24));
              return <rect key={i} x={i * 3} y={(24 - h) / 2} width={2} height={h} fill="currentColor" />;
            })}
          </svg>
        )}
        {durationMs !== undefined && <span className="text-xs text-ink-muted" data-testid="voice-duration">{t('seconds', { seconds: Math.max(1, Math.round(durationMs / 1000)) })}</span>}
      </span>
      <Player content={content} name={t('body')} video={false} label={t('play')} />
    </span>
  );
}

/** What showing the picture costs: its thumbnail's size, else the picture's. */
function thumbnailBytes(content: Record<string, unknown>): number {
  const info = fieldOf(content, 'info');
  return num(fieldOf(info, 'thumbnail_info').size) ?? num(info.size) ?? 0;
}

/** An object field of event content, or an empty one when it is missing or not an object. */
function fieldOf(content: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = content[key];
  return isRecord(value) ? value : {};
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Largest a picture shows in the timeline, in CSS pixels. */
const MAX_W = 320;
const MAX_H = 240;

function Picture({ content, alt, width, height }: { content: Record<string, unknown>; alt: string; width?: number; height?: number }) {
  const t = useTranslations('media');
  const source = pictureOf(content);
  const state = useSyncExternalStore(subscribePictures, () => pictureState(source?.key), () => undefined);
  const box = useRef<HTMLSpanElement>(null);
  const key = source?.key;
  // Under data saver only small thumbnails (and what the device keeps) show by themselves.
  const saving = useSavingData();
  const [asked, setAsked] = useState(false);
  const deviceOnly = saving && !asked && !smallEnoughForSaver(content);
  useEffect(() => {
    if (!source || state || !box.current) return;
    return whenVisible(box.current, () => requestPicture(source, deviceOnly));
    // The source is rebuilt each render; its key says whether it changed.
  }, [key, state, deviceOnly]);
  const hash = blurhashIn(content);
  // The space the picture takes is kept while it loads, so the timeline does not jump.
  const scale = width && height ? Math.min(1, MAX_W / width, MAX_H / height) : 1;
  const size = width && height ? { width: Math.round(width * scale), height: Math.round(height * scale) } : { width: MAX_W, height: MAX_H / 2 };
  const [open, setOpen] = useState(false);
  if (state === 'broken' || !source) {
    return <em className="text-ink-muted" data-testid="attachment-broken">{t('cannotShow')}</em>;
  }
  return (
    <>
      <button
        type="button"
        className="block overflow-hidden rounded bg-surface-strong focus-visible:ring-2 focus-visible:ring-focus"
        style={size}
        aria-label={t('open', { name: alt })}
        onClick={() => setOpen(true)}
      >
        <span ref={box} className="relative block h-full w-full" data-testid="attachment-picture" data-loaded={state ? '' : undefined}>
          {!state && hash && <BlurhashPlaceholder hash={hash} />}
          {state && <img src={state.url} alt={alt} width={size.width} height={size.height} className="relative h-full w-full object-contain" />}
        </span>
      </button>
      {!state && deviceOnly && (
        <button type="button" className="self-start text-sm text-link underline" onClick={() => setAsked(true)} data-testid="attachment-load">
          {t('showPicture', { kb: Math.max(1, Math.round(thumbnailBytes(content) / 1024)) })}
        </button>
      )}
      {open && <Lightbox content={content} alt={alt} thumbnail={state?.url} onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * A video or a sound, played in the page once asked for: its bytes are fetched (and decrypted)
 * on the first press, not when the message scrolls by, which a metered connection pays for.
 */
function Player({ content, name, video, label }: { content: Record<string, unknown>; name: string; video: boolean; label?: string }) {
  const t = useTranslations('media');
  const { error, run } = useActionError();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  async function load() {
    setBusy(true);
    const blob = await run(() => downloadAttachment(content));
    setBusy(false);
    if (blob) setUrl(URL.createObjectURL(blob));
  }
  if (url) {
    return video ? (
      <video src={url} controls autoPlay className="max-h-60 max-w-xs rounded" aria-label={name} data-testid="attachment-player" />
    ) : (
      <audio src={url} controls autoPlay aria-label={name} data-testid="attachment-player" />
    );
  }
  return (
    <span className="flex flex-col gap-1">
      <button type="button" className="self-start rounded bg-brand px-3 py-1 text-white disabled:opacity-60" disabled={busy} onClick={() => void load()}>
        ▶ {label ?? t('play', { name })}
      </button>
      <ErrorNote error={error} />
    </span>
  );
}

function FileCard({ content, name, size, mimetype, sent }: { content: Record<string, unknown>; name: string; size?: number; mimetype: string; sent: boolean }) {
  const t = useTranslations('media');
  const { error, run } = useActionError();
  const [busy, setBusy] = useState(false);
  const [fraction, setFraction] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  async function download() {
    setBusy(true);
    setFraction(null);
    abort.current = new AbortController();
    const blob = await run(() => downloadAttachment(content, { onProgress: setFraction, signal: abort.current!.signal }));
    abort.current = null;
    setBusy(false);
    setFraction(null);
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return (
    <span className="flex flex-col gap-1 rounded border border-line bg-surface px-3 py-2 text-sm" data-testid="attachment-file">
      <span className="flex items-center gap-1 font-medium" data-testid="attachment-name">
        <PaperclipIcon />
        {name}
      </span>
      <span className="text-xs text-ink-muted">
        {[mimetype, size !== undefined ? t('size', { mb: (size / (1024 * 1024)).toFixed(size < 1024 * 1024 ? 2 : 1) }) : null].filter(Boolean).join(' · ')}
      </span>
      {sent && !busy && (
        <button type="button" className="self-start rounded bg-brand px-3 py-1 text-white" onClick={() => void download()}>
          {t('download')}
        </button>
      )}
      {busy && (
        <span className="flex items-center gap-2 text-xs" data-testid="download-status">
          <progress max={100} value={fraction === null ? undefined : Math.round(fraction * 100)} aria-label={t('downloading')} className="h-2 w-32" />
          <button type="button" className="text-link underline" onClick={() => abort.current?.abort()}>
            {t('cancelUpload')}
          </button>
        </span>
      )}
      <ErrorNote error={error} />
    </span>
  );
}
