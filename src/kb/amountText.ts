/** A figure of knowledge/foods.json or doses.json as every reply says it: "150 mcg", "50–90 mcg". */
export function amountText(amount: { min: number; max: number; unit: string }): string {
  return amount.min === amount.max
    ? `${amount.min} ${amount.unit}`
    : `${amount.min}–${amount.max} ${amount.unit}`;
}
