/** Containers tried in order: Opus in WebM (Chromium, Firefox), in Ogg, then what the browser has (Safari: MP4/AAC). */
const TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4'];
/** How often loudness is sampled for the waveform. */
const SAMPLE_MS = 100;
/** A voice message longer than this stops by itself. */
export const MAX_RECORDING_MS = 5 * 60 * 1000;

export class NoMicrophone extends Error {
  constructor() {
    super('noMicrophone');
    this.name = 'NoMicrophone';
  }
}

export interface ActiveRecording {
  /** Milliseconds recorded so far. */
  elapsed(): number;
  /** Stops and resolves with the recording. */
  stop(): Promise<{ blob: Blob; durationMs: number; levels: number[] }>;
  /** Stops and throws the recording away. */
  cancel(): void;
}

/**
 * Records from the microphone with MediaRecorder (Opus where the browser has it), sampling the
 * loudness for the waveform as it goes. Throws NoMicrophone when there is none or it is refused.
 */
export async function startRecording(onAutoStop?: () => void): Promise<ActiveRecording> {
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch {
    throw new NoMicrophone();
  }
  const mimeType = TYPES.find((t) => typeof MediaRecorder !== 'undefined' && MediaRecorder.isTypeSupported(t));
  const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => e.data.size && chunks.push(e.data);
  const audio = new AudioContext();
  const analyser = audio.createAnalyser();
  analyser.fftSize = 512;
  audio.createMediaStreamSource(stream).connect(analyser);
  const buffer = new Float32Array(analyser.fftSize);
  const levels: number[] = [];
  const sampler = setInterval(() => {
    analyser.getFloatTimeDomainData(buffer);
    let sum = 0;
    for (const v of buffer) sum += v * v;
    levels.push(Math.sqrt(sum / buffer.length));
  }, SAMPLE_MS);
  const started = performance.now();
  const limit = setTimeout(() => onAutoStop?.(), MAX_RECORDING_MS);
  recorder.start(1000);
  const release = () => {
    clearInterval(sampler);
    clearTimeout(limit);
    stream.getTracks().forEach((t) => t.stop());
    void audio.close();
  };
  return {
    elapsed: () => performance.now() - started,
    stop: () =>
      new Promise((resolve) => {
        const durationMs = performance.now() - started;
        recorder.onstop = () => {
          release();
          resolve({ blob: new Blob(chunks, { type: recorder.mimeType || mimeType || 'audio/webm' }), durationMs, levels });
        };
        recorder.stop();
      }),
    cancel: () => {
      recorder.onstop = release;
      recorder.stop();
    },
  };
}
