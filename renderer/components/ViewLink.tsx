import type { ReactNode } from 'react';
import { useApp, type ViewName } from '../app-context';

/** A real link to another view (`#/spend`), so it opens in place, works with the keyboard and shows its target. */
export function ViewLink({
  view,
  children,
  className,
}: {
  view: ViewName;
  children: ReactNode;
  className?: string;
}) {
  const { navigate } = useApp();
  return (
    <a
      href={`#/${view}`}
      className={className}
      onClick={(event) => {
        event.preventDefault();
        navigate(view);
      }}
    >
      {children}
    </a>
  );
}
