/** Placeholder: filled in by the view's own work. */
export function AutoRechargeView() {
  return <p>AutoRecharge</p>;
}
