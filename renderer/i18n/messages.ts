/**
 * Each view keeps its words in `messages/<view>.ts` as `{en, nl}`. Dutch must have every key of
 * English with the same parameters — the compiler checks it — so neither language is ever partial.
 * Sentences with numbers are functions of already formatted values; plurals go through Intl.
 */
import type { Language } from './format';

/** A message catalogue for one view: the English one defines the shape. */
export type Catalogue<T> = Record<Language, T>;

/** Declares a catalogue; `nl` must match `en` key for key and parameter for parameter. */
export function catalogue<T>(messages: { en: T; nl: NoInfer<T> }): Catalogue<T> {
  return messages;
}
