// The app's own icons, drawn inline (emoji depend on the device's fonts, and some have none).
// Decorative: the buttons that carry them are named by their text or aria-label.

const common = { width: 20, height: 20, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

export function PaperclipIcon() {
  return (
    <svg {...common}>
      <path d="M21 11.5 12.5 20a5 5 0 0 1-7-7l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8" />
    </svg>
  );
}

export function MicrophoneIcon() {
  return (
    <svg {...common}>
      <rect x="9" y="3" width="6" height="11" rx="3" />
      <path d="M5 11a7 7 0 0 0 14 0M12 18v3" />
    </svg>
  );
}

/** The Luxchat mark: a speech bubble in the national colours (the app icon's drawing). */
export function LuxchatLogo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 512 512" aria-hidden="true">
      <rect width="512" height="512" rx="96" fill="#0369a1" />
      <path d="M128 150h256a40 40 0 0 1 40 40v132a40 40 0 0 1-40 40H236l-76 60v-60h-32a40 40 0 0 1-40-40V190a40 40 0 0 1 40-40z" fill="#fff" />
      <rect x="150" y="200" width="20" height="112" fill="#ef4135" />
      <rect x="170" y="200" width="192" height="37" fill="#ef4135" />
      <rect x="170" y="237" width="192" height="38" fill="#fff" stroke="#e2e8f0" strokeWidth="2" />
      <rect x="170" y="275" width="192" height="37" fill="#00a3e0" />
    </svg>
  );
}
