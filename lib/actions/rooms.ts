// What a user does with rooms; the homeserver work lives in lib/matrix/rooms.
export {
  joinRoom as acceptInvite,
  createGroup,
  leaveRoom,
  markRead,
  openDirectRoom as startDirectMessage,
  paginateBack as loadOlderMessages,
} from '../matrix/rooms';
