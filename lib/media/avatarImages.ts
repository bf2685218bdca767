import { thumbnailKey } from '../db/thumbnails';
import { fetchThumbnail } from './authenticatedMedia';
import { imageState, requestImage, subscribeImages } from './imageStore';
import { parseMxc } from './mxc';

/** Pixels of the square asked for: sharp at 48 CSS pixels on a 2× screen, one of Synapse's preset sizes. */
export const AVATAR_SIZE = 96;

/** The object URL of an avatar the page has, if it has it. */
export function avatarUrl(mxc: string | undefined): string | undefined {
  const state = imageState(mxc ? thumbnailKey(mxc, AVATAR_SIZE) : undefined);
  return state && state !== 'broken' ? state.url : undefined;
}

export const subscribeAvatars = subscribeImages;

/** Asks for an avatar (from the device, else the homeserver's 96 px square thumbnail); subscribers hear when it is there. */
export function requestAvatar(mxc: string): void {
  if (!parseMxc(mxc)) return;
  requestImage(thumbnailKey(mxc, AVATAR_SIZE), () => fetchThumbnail(mxc, AVATAR_SIZE, AVATAR_SIZE, 'crop'));
}

export { forgetImages as forgetAvatars } from './imageStore';
