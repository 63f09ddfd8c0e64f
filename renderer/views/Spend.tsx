/** Placeholder: filled in by the view's own work. */
export function SpendView() {
  return <p>Spend</p>;
}
