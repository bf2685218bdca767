// Bundled into a helper tab of the benchmark (esbuild): queues messages through the app's own
// outbox code, so the syncing tab sees them exactly as if typed in another tab.
import { enqueue } from '../lib/outbox/enqueue';

export async function enqueueMany(roomId: string, prefix: string, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) await enqueue({ roomId, content: { msgtype: 'm.text', body: `${prefix} ${i}` } });
}
