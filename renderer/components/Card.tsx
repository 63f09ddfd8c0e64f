import type { ReactNode } from 'react';

/** A titled section of a view; the title is a real heading for screen-reader navigation. */
export function Card({
  title,
  children,
  className,
}: {
  title?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`card${className ? ` ${className}` : ''}`}>
      {title ? <h2 className="card__title">{title}</h2> : null}
      {children}
    </section>
  );
}
