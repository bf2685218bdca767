/** A user driven through the client-server API directly: the "other side" of a test. */
export class ApiUser {
  constructor(
    readonly baseUrl: string,
    readonly userId: string,
    readonly accessToken: string,
  ) {}

  private txn = 0;

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/_matrix/client/v3${path}`, {
      method,
      headers: { authorization: `Bearer ${this.accessToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  /** Uploads bytes to the homeserver's media repository; returns their mxc:// URI. */
  async upload(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<string> {
    const res = await fetch(`${this.baseUrl}/_matrix/media/v3/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.accessToken}`, 'content-type': contentType },
      body: bytes,
    });
    const json = (await res.json()) as { content_uri?: string };
    if (!res.ok || !json.content_uri) throw new Error(`upload: ${res.status} ${JSON.stringify(json)}`);
    return json.content_uri;
  }

  async createRoom(name: string, invite: string[]): Promise<string> {
    const { room_id } = await this.call<{ room_id: string }>('POST', '/createRoom', { name, invite, preset: 'private_chat' });
    return room_id;
  }

  /** A private room of this user's that `other` has joined: the shared room most tests start from. */
  async sharedRoom(name: string, other: ApiUser): Promise<string> {
    const roomId = await this.createRoom(name, [other.userId]);
    await other.join(roomId);
    return roomId;
  }

  async join(roomId: string): Promise<void> {
    await this.call('POST', `/join/${encodeURIComponent(roomId)}`, {});
  }

  async send(roomId: string, body: string): Promise<string> {
    const txn = `t${Date.now()}-${this.txn++}`;
    const { event_id } = await this.call<{ event_id: string }>(
      'PUT',
      `/rooms/${encodeURIComponent(roomId)}/send/m.room.message/${txn}`,
      { msgtype: 'm.text', body },
    );
    return event_id;
  }

  /** Bodies of the room's m.room.message events, oldest first (up to 1,000). */
  async messages(roomId: string): Promise<string[]> {
    const { chunk } = await this.call<{ chunk: { type: string; content: { body?: string } }[] }>(
      'GET',
      `/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=1000`,
    );
    return chunk
      .filter((e) => e.type === 'm.room.message')
      .map((e) => e.content.body ?? '')
      .reverse();
  }

  async sendEvent(roomId: string, type: string, content: Record<string, unknown>): Promise<string> {
    const txn = `t${Date.now()}-${this.txn++}`;
    const { event_id } = await this.call<{ event_id: string }>('PUT', `/rooms/${encodeURIComponent(roomId)}/send/${type}/${txn}`, content);
    return event_id;
  }

  /** The room's timeline events (no state), oldest first (up to 1,000), as the homeserver has them. */
  async events(roomId: string): Promise<TimelineEvent[]> {
    const { chunk } = await this.call<{ chunk: (TimelineEvent & { state_key?: string })[] }>(
      'GET',
      `/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=1000`,
    );
    return chunk.filter((e) => e.state_key === undefined).reverse();
  }
}

export interface TimelineEvent {
  event_id: string;
  type: string;
  sender: string;
  redacts?: string;
  content: Record<string, unknown> & {
    body?: string;
    'm.relates_to'?: { rel_type?: string; event_id?: string; key?: string; 'm.in_reply_to'?: { event_id?: string } };
    'm.new_content'?: { body?: string };
  };
}
