/** The reactions offered at once, and the picker's set (plain Unicode, no images to load). */
export const QUICK_REACTIONS = ['👍', '❤️', '😂', '🎉', '😮', '🙏'] as const;

export const PICKER_EMOJI = [
  '👍', '👎', '👏', '🙌', '🙏', '💪', '👀', '🤝',
  '❤️', '💙', '💚', '💛', '🔥', '⭐', '✅', '❌',
  '😀', '😂', '🙂', '😉', '😍', '🤔', '😮', '😢',
  '😡', '😴', '🤯', '🥳', '😅', '🙈', '🤞', '👌',
  '🎉', '☕', '🍰', '🌧️', '☀️', '🚗', '📎', '📅',
  '⚠️', '❓', '❗', '💡', '📌', '🏁', '🇱🇺', '🇪🇺',
] as const;
