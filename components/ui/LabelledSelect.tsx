'use client';
import type { ReactNode } from 'react';

/** A choice on one line: its label, then the select (the settings' language and theme). */
export function LabelledSelect({
  label,
  name,
  value,
  onChange,
  disabled,
  children,
}: {
  label: string;
  name?: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>{label}</span>
      <select className="rounded border border-line bg-surface px-2 py-1" name={name} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </label>
  );
}
