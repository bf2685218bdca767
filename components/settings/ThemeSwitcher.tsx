'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { setThemeChoice, themeChoice, type ThemeChoice } from '@/lib/theme';
import { LabelledSelect } from '../ui/LabelledSelect';

/** Light, dark, or as the system says; applied at once, kept on this device. */
export function ThemeSwitcher() {
  const t = useTranslations('settings');
  const [choice, setChoice] = useState<ThemeChoice>(themeChoice);
  return (
    <LabelledSelect
      label={t('theme')}
      name="theme"
      value={choice}
      onChange={(value) => {
        const next = value as ThemeChoice;
        setChoice(next);
        setThemeChoice(next);
      }}
    >
      <option value="system">{t('themeSystem')}</option>
      <option value="light">{t('themeLight')}</option>
      <option value="dark">{t('themeDark')}</option>
    </LabelledSelect>
  );
}
