/** Placeholder: filled in by the view's own work. */
export function OverviewView() {
  return <p>Overview</p>;
}
