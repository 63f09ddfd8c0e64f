/**
 * A form's values on top of the snapshot's: a field the user has not touched follows the snapshot
 * (storing a key switches the backend, for one), a touched one keeps what the user typed.
 */
import { useCallback, useState } from 'react';

export interface Draft<T extends object> {
  values: T;
  set<K extends keyof T>(key: K): (value: T[K]) => void;
}

export function useDraft<T extends object>(source: T): Draft<T> {
  const [edits, setEdits] = useState<Partial<T>>({});
  const set = useCallback(
    <K extends keyof T>(key: K) =>
      (value: T[K]) =>
        setEdits((current) => ({ ...current, [key]: value })),
    [],
  );
  return { values: { ...source, ...edits }, set };
}
