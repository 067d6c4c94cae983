/**
 * Liner carriers whose ships the MARAD fleet list gives (by operator), with how they number their bills
 * of lading, containers and seals. Container owner prefixes are BIC-registered codes of these lines.
 */
export interface CarrierProfile {
  scac: string;
  name: string;
  /** MARAD `operator` values whose ships this carrier runs. */
  operators: readonly string[];
  equipmentPrefixes: readonly string[];
  sealPrefix: string;
  /** Bill of lading number: prefix then this many digits. */
  billDigits: number;
  address: { street: string; city: string; countryCode: string };
  /** Carrier's agent in the jurisdiction (issuing office, carrier's agent at destination). */
  agent: string;
}

export const CARRIERS: readonly CarrierProfile[] = [
  {
    scac: 'MAEU',
    name: 'Maersk A/S',
    operators: ['Maersk A/S', 'Safmarine Container Lines', 'Farrell Lines Incorporated'],
    equipmentPrefixes: ['MSKU', 'MRKU', 'MRSU', 'MSKU'],
    sealPrefix: 'ML-VN',
    billDigits: 9,
    address: { street: 'Esplanaden 50', city: 'Copenhagen', countryCode: 'DK' },
    agent: 'Maersk Vietnam Ltd',
  },
  {
    scac: 'APLU',
    name: 'APL Co. Pte Ltd',
    operators: ['APL Marine Services, Ltd.'],
    equipmentPrefixes: ['APLU', 'APZU', 'CMAU'],
    sealPrefix: 'APL',
    billDigits: 9,
    address: { street: '9 North Buona Vista Drive', city: 'Singapore', countryCode: 'SG' },
    agent: 'CMA CGM Vietnam JSC',
  },
  {
    scac: 'HLCU',
    name: 'Hapag-Lloyd AG',
    operators: ['Hapag-Lloyd USA, LLC'],
    equipmentPrefixes: ['HLXU', 'HLBU', 'HAMU'],
    sealPrefix: 'HLD',
    billDigits: 10,
    address: { street: 'Ballindamm 25', city: 'Hamburg', countryCode: 'DE' },
    agent: 'Hapag-Lloyd (Vietnam) Co., Ltd',
  },
  {
    scac: 'MATS',
    name: 'Matson Navigation Company, Inc.',
    operators: ['Matson Navigation Co Inc'],
    equipmentPrefixes: ['MATU'],
    sealPrefix: 'MAT',
    billDigits: 10,
    address: { street: '1411 Sand Island Parkway', city: 'Honolulu', countryCode: 'US' },
    agent: 'Matson Vietnam Co., Ltd',
  },
];

/** Container lessors' BIC prefixes: a quarter of the boxes on any line are leased. */
export const LESSOR_PREFIXES: readonly string[] = [
  'TGHU',
  'TCLU',
  'SEGU',
  'CAIU',
  'FCIU',
  'TRHU',
  'BMOU',
  'GESU',
];
