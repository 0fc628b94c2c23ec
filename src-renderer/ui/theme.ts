/**
 * The console's colours: as the system says (the default), or always light, or always dark. The
 * choice is kept in this browser (or desktop window) and set on <html> as data-theme, which the
 * stylesheet reads; "system" leaves it to prefers-color-scheme.
 */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const THEME_LABELS: Record<ThemeChoice, string> = { system: 'Follow system', light: 'Light', dark: 'Dark' };

const KEY = 'gatewatch.theme';

const isChoice = (value: unknown): value is ThemeChoice => (THEME_CHOICES as readonly unknown[]).includes(value);

export function readTheme(storage: Pick<Storage, 'getItem'> | null = safeStorage()): ThemeChoice {
  const stored = storage?.getItem(KEY);
  return isChoice(stored) ? stored : 'system';
}

export function saveTheme(choice: ThemeChoice, storage: Pick<Storage, 'setItem' | 'removeItem'> | null = safeStorage()): void {
  if (choice === 'system') storage?.removeItem(KEY);
  else storage?.setItem(KEY, choice);
}

/** Sets the choice on the document: data-theme for the stylesheet, color-scheme for the browser's own controls. */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') {
    delete root.dataset.theme;
    root.style.colorScheme = 'light dark';
  } else {
    root.dataset.theme = choice;
    root.style.colorScheme = choice;
  }
}

/** localStorage, or none where the page may not use it (a locked-down browser): the choice then lasts the page. */
function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
