/** UN/ECE Rec 20 weight units seen in DCSA messages, as kilograms per unit. */
export const KILOGRAMS_PER_UNIT: Record<string, number> = {
  KGM: 1,
  LBR: 0.45359237,
  TNE: 1000,
  GRM: 0.001,
  ONZ: 0.028349523125,
};

export const WEIGHT_UNITS = Object.keys(KILOGRAMS_PER_UNIT);

/** Kilograms rounded to the gram, so 12000 LBR does not carry float noise into the canonical event. */
export function toKilograms(value: number, unit: string): number | undefined {
  const factor = KILOGRAMS_PER_UNIT[unit];
  return factor === undefined ? undefined : Math.round(value * factor * 1000) / 1000;
}
