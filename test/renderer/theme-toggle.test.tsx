// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ThemeToggle } from '../../src-renderer/ui/ThemeToggle.js';
import { applyTheme, readTheme } from '../../src-renderer/ui/theme.js';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  applyTheme('system');
});

const root = document.documentElement;

describe('the theme toggle', () => {
  it('follows the system by default, and switches to light or dark at once, kept for next time', () => {
    render(<ThemeToggle />);
    const select = screen.getByLabelText('Theme') as HTMLSelectElement;
    expect(select.value).toBe('system');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Follow system', 'Light', 'Dark']);

    fireEvent.change(select, { target: { value: 'dark' } });
    expect(root.dataset.theme).toBe('dark');
    expect(root.style.colorScheme).toBe('dark');
    expect(readTheme()).toBe('dark');
    cleanup();
    render(<ThemeToggle />);
    expect((screen.getByLabelText('Theme') as HTMLSelectElement).value).toBe('dark');

    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'light' } });
    expect(root.dataset.theme).toBe('light');
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'system' } });
    expect(root.dataset.theme).toBeUndefined();
    expect(window.localStorage.getItem('gatewatch.theme')).toBeNull();
  });

  it('ignores a stored value it does not know', () => {
    window.localStorage.setItem('gatewatch.theme', 'sepia');
    expect(readTheme()).toBe('system');
  });

  it('has the stylesheet read the choice: dark when chosen, and the system’s dark unless light was chosen', () => {
    const css = readFileSync(join(import.meta.dirname, '../../src-renderer/app/styles.css'), 'utf8');
    expect(css).toContain(':root[data-theme="dark"] {');
    expect(css).toContain(':root:not([data-theme="light"]) {');
    expect(readFileSync(join(import.meta.dirname, '../../src-renderer/ui/json-tree.css'), 'utf8')).not.toContain('prefers-color-scheme');
  });
});
