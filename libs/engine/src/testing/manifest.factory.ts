import type {
  CanonicalLocation,
  ConsignmentManifest,
  GoodsItem,
  Licence,
  ManifestEquipment,
  Party,
  Route,
} from '@chokepoint/contracts';

export const TEST_CONTAINER = 'MSKU2666542';
export const TEST_CONTAINER_2 = 'TGHU8821340';
export const TEST_VESSEL_IMO = '9321483';

export function place(unLocode: string, name?: string): CanonicalLocation {
  return { unLocode, countryCode: unLocode.slice(0, 2), ...(name ? { name } : {}) };
}

export function party(role: Party['role'], name: string, countryCode?: string): Party {
  return { role, name, identifyingCodes: [], ...(countryCode ? { countryCode } : {}) };
}

export function goodsItem(overrides: Partial<GoodsItem> = {}): GoodsItem {
  return {
    sequence: 1,
    hsCodes: ['030617'],
    description: 'Frozen shrimps, peeled, 20 kg cartons',
    packageCount: 1000,
    grossWeightKg: 20_000,
    equipmentReferences: [TEST_CONTAINER],
    licences: [],
    unNumbers: [],
    ...overrides,
  };
}

export function equipment(overrides: Partial<ManifestEquipment> = {}): ManifestEquipment {
  return {
    reference: TEST_CONTAINER,
    referenceCheckDigitValid: true,
    tareWeightKg: 3_800,
    cargoGrossWeightKg: 20_000,
    seals: [{ number: 'SL-1001' }],
    ...overrides,
  };
}

export function licence(overrides: Partial<Licence> = {}): Licence {
  return {
    kind: 'EXPORT',
    scope: 'DOCUMENT',
    reference: 'VN-BQP-2026-0042',
    issueDate: '2026-01-01',
    expiryDate: '2026-12-31',
    ...overrides,
  };
}

/** A clean export from Hai Phong to Tokyo: defaults that screen to RELEASE. */
export function routeOf(overrides: Partial<Route> = {}): Route {
  return {
    portOfLoading: place('VNHPH', 'Hai Phong'),
    portOfDischarge: place('JPTYO', 'Tokyo'),
    vesselVoyages: [
      { imoNumber: TEST_VESSEL_IMO, name: 'MAERSK HAIPHONG', flag: 'DK', voyageNumber: '612E' },
    ],
    ...overrides,
  };
}

export type ManifestOverrides = Partial<Omit<ConsignmentManifest, 'route'>> & { route?: Partial<Route> };

export function manifest(overrides: ManifestOverrides = {}): ConsignmentManifest {
  const { route, ...rest } = overrides;
  return {
    schemaVersion: 1,
    kind: 'MANIFEST',
    transportDocumentReference: 'MAEU123456789',
    bookingReferences: ['BKG-778899'],
    receivedAt: '2026-03-01T08:00:00.000Z',
    parties: [
      party('SHIPPER', 'Minh Phu Seafood Corporation', 'VN'),
      party('CONSIGNEE', 'Nichirei Foods Inc', 'JP'),
    ],
    goodsItems: [goodsItem()],
    equipment: [equipment()],
    licences: [],
    route: routeOf(route),
    source: { topic: 'port.manifests.v1', format: 'DCSA_EBL_3_0_0' },
    anomalies: [],
    ...rest,
  };
}
