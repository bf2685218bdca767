export const SYNAPSE_VERSION: string;
export interface Homeserver {
  baseUrl: string;
  serverName: string;
  dir: string;
  pid: number | undefined;
  registerUser(username: string, password: string, admin?: boolean): Promise<RegisteredUser>;
  stop(): Promise<void>;
  kill(): Promise<void>;
}
export interface RegisteredUser {
  userId: string;
  accessToken: string;
  deviceId: string;
}
export function installSynapse(): void;
export function startSynapse(options?: {
  name?: string;
  port?: number;
  fresh?: boolean;
  rateLimited?: boolean;
  messageRate?: { perSecond: number; burst: number };
  /** Synapse's `max_upload_size` ("2M"). */
  maxUploadSize?: string;
  /** Synapse's `refreshable_access_token_lifetime` ("60s"). */
  refreshableTokenLifetime?: string;
  extraConfig?: string;
}): Promise<Homeserver>;
export function registerUser(baseUrl: string, secret: string, username: string, password: string, admin?: boolean): Promise<RegisteredUser>;
