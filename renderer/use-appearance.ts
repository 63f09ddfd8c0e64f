/**
 * Applies the chosen language and theme to the document: `lang` switches with the UI (ux.md §5) and
 * `data-theme` picks light or dark (system: follows prefers-color-scheme in CSS).
 */
import { useEffect } from 'react';
import type { Settings } from '../shared/settings/settings-schema';

export function useAppearance(settings: Pick<Settings, 'language' | 'theme'> | null): void {
  const language = settings?.language;
  const theme = settings?.theme;
  useEffect(() => {
    if (language !== undefined) document.documentElement.lang = language;
  }, [language]);
  useEffect(() => {
    if (theme !== undefined) document.documentElement.dataset.theme = theme;
  }, [theme]);
}

/** Before settings arrive: the browser's language if it is Dutch, else English. */
export function initialLanguage(): 'en' | 'nl' {
  return navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}
