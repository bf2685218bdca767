'use client';
import { Fragment, useEffect, useMemo, useState } from 'react';
import type { Segment } from '@/lib/format/linkify';
import { isMedia, MediaBody } from './MediaBody';

interface Formatting {
  sanitize(html: string): string;
  segments(text: string): Segment[];
}

// The sanitizer and the link finder load with the first message shown, not with the app.
let loading: Promise<Formatting> | null = null;

function loadFormatting(): Promise<Formatting> {
  loading ??= Promise.all([import('dompurify'), import('@/lib/format/sanitizeHtml'), import('@/lib/format/linkify')]).then(
    ([purify, { sanitizeMatrixHtml }, { linkSegments }]) => ({
      sanitize: (html) => sanitizeMatrixHtml(purify.default, html),
      segments: linkSegments,
    }),
  );
  return loading;
}

function useFormatting(): Formatting | null {
  const [formatting, setFormatting] = useState<Formatting | null>(null);
  useEffect(() => {
    let live = true;
    void loadFormatting().then((f) => live && setFormatting(() => f));
    return () => {
      live = false;
    };
  }, []);
  return formatting;
}

const HTML = 'org.matrix.custom.html';

/**
 * A message's text: its HTML (`formatted_body`) once sanitized, else the plain text with its
 * links clickable. Until the helpers have loaded, the plain text as it is.
 */
export function MessageBody({ body, content }: { body: string; content?: Record<string, unknown> }) {
  if (content && isMedia(content)) return <MediaBody body={body} content={content} />;
  return <TextBody body={body} content={content} />;
}

function TextBody({ body, content }: { body: string; content?: Record<string, unknown> }) {
  const formatting = useFormatting();
  const html = content?.format === HTML && typeof content.formatted_body === 'string' ? content.formatted_body : undefined;
  const clean = useMemo(() => (formatting && html !== undefined ? formatting.sanitize(html) : undefined), [formatting, html]);
  if (clean !== undefined) return <span className="formatted whitespace-normal" data-testid="formatted" dangerouslySetInnerHTML={{ __html: clean }} />;
  if (!formatting) return <>{body}</>;
  return (
    <>
      {formatting.segments(body).map((s, i) =>
        s.href ? (
          <a key={i} href={s.href} target="_blank" rel="noopener noreferrer" className="underline">
            {s.text}
          </a>
        ) : (
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
    </>
  );
}
