'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { setThemeChoice, themeChoice, type ThemeChoice } from '@/lib/theme';

/** Light, dark, or as the system says; applied at once, kept on this device. */
export function ThemeSwitcher() {
  const t = useTranslations('settings');
  const [choice, setChoice] = useState<ThemeChoice>(themeChoice);
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>{t('theme')}</span>
      <select
        className="rounded border border-line bg-surface px-2 py-1"
        name="theme"
        value={choice}
        onChange={(e) => {
          const next = e.target.value as ThemeChoice;
          setChoice(next);
          setThemeChoice(next);
        }}
      >
        <option value="system">{t('themeSystem')}</option>
        <option value="light">{t('themeLight')}</option>
        <option value="dark">{t('themeDark')}</option>
      </select>
    </label>
  );
}
