import type { OutboxUpload } from '../db/types';
import { isRecord } from '../isRecord';

/**
 * A media message's content with its uploads' URIs in place: the first upload is the file
 * (`file.url` when encrypted, else `url`), the second its thumbnail (`info.thumbnail_file.url`,
 * else `info.thumbnail_url`). Built at send time: the URIs exist only once the uploads are done.
 */
export function withUploadedUris(content: Record<string, unknown>, uploads: OutboxUpload[]): Record<string, unknown> {
  const [main, thumbnail] = uploads;
  const out: Record<string, unknown> = { ...content };
  if (main?.mxc) {
    if (isRecord(content.file)) out.file = { ...content.file, url: main.mxc };
    else out.url = main.mxc;
  }
  if (thumbnail?.mxc && isRecord(content.info)) {
    const info: Record<string, unknown> = { ...content.info };
    if (isRecord(info.thumbnail_file)) info.thumbnail_file = { ...info.thumbnail_file, url: thumbnail.mxc };
    else info.thumbnail_url = thumbnail.mxc;
    out.info = info;
  }
  return out;
}
