import { useId, useState } from 'react';
import { applyTheme, readTheme, saveTheme, THEME_CHOICES, THEME_LABELS, type ThemeChoice } from './theme.js';

/** Follow system / light / dark, applied at once and kept for next time. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(() => readTheme());
  const id = useId();
  return (
    <div className="theme-toggle">
      <label htmlFor={id}>Theme</label>
      <select
        id={id}
        value={choice}
        onChange={(event) => {
          const next = event.target.value as ThemeChoice;
          setChoice(next);
          saveTheme(next);
          applyTheme(next);
        }}
      >
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {THEME_LABELS[value]}
          </option>
        ))}
      </select>
    </div>
  );
}
