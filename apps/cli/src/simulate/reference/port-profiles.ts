/**
 * Where a simulated day happens: the jurisdiction's container ports, with the terminal that reports
 * the moves, how the port's trade spreads over the lanes, where import cargo is delivered inland and how
 * transit cargo leaves the country. UN/LOCODEs are checked against the reference data in a test.
 */
export type TradeLane =
  'INTRA_ASIA' | 'TRANSPACIFIC' | 'ASIA_EUROPE' | 'SOUTH_ASIA_GULF' | 'OCEANIA' | 'LATAM_AFRICA';

export interface NamedPlace {
  code: string;
  name: string;
}

export interface TransitCorridor {
  /** How the box leaves after discharge: by truck over a border crossing, or by barge on the river. */
  mode: 'TRUCK' | 'BARGE';
  /** Border crossing (UN/LOCODE named in the rule pack's borderCrossings) for trucks. */
  border?: NamedPlace;
  destination: NamedPlace;
  bargeOperator?: string;
}

export interface JurisdictionPort extends NamedPlace {
  terminal: { code: string; name: string };
  /** Share of the jurisdiction's consignments handled here. */
  share: number;
  lanes: Readonly<Partial<Record<TradeLane, number>>>;
  /** Inland places of delivery / receipt served from this port. */
  hinterland: readonly NamedPlace[];
  transit: readonly TransitCorridor[];
}

export const JURISDICTION_PORTS: Readonly<Record<string, readonly JurisdictionPort[]>> = {
  VN: [
    {
      code: 'VNHPH',
      name: 'Hai Phong',
      terminal: { code: 'HICT', name: 'Haiphong International Container Terminal' },
      share: 0.45,
      lanes: {
        INTRA_ASIA: 0.72,
        TRANSPACIFIC: 0.12,
        ASIA_EUROPE: 0.08,
        SOUTH_ASIA_GULF: 0.06,
        OCEANIA: 0.02,
      },
      hinterland: [
        { code: 'VNHAN', name: 'Ha Noi' },
        { code: 'VNBNH', name: 'Bac Ninh' },
        { code: 'VNHPH', name: 'Hai Phong' },
      ],
      transit: [
        {
          mode: 'TRUCK',
          border: { code: 'VNLGS', name: 'Lang Son (Huu Nghi)' },
          destination: { code: 'CNNIN', name: 'Nanning' },
        },
        {
          mode: 'TRUCK',
          border: { code: 'VNLCA', name: 'Lao Cai' },
          destination: { code: 'CNHKM', name: 'Hekou' },
        },
        {
          mode: 'TRUCK',
          border: { code: 'VNMOC', name: 'Mong Cai' },
          destination: { code: 'CNDOX', name: 'Dongxing' },
        },
      ],
    },
    {
      code: 'VNCLI',
      name: 'Cat Lai',
      terminal: { code: 'TCCL', name: 'Tan Cang - Cat Lai Terminal' },
      share: 0.35,
      lanes: {
        INTRA_ASIA: 0.78,
        SOUTH_ASIA_GULF: 0.08,
        TRANSPACIFIC: 0.06,
        ASIA_EUROPE: 0.05,
        OCEANIA: 0.03,
      },
      hinterland: [
        { code: 'VNSGN', name: 'Ho Chi Minh City' },
        { code: 'VNBDG', name: 'Binh Duong Terminal' },
      ],
      transit: [
        { mode: 'BARGE', destination: { code: 'KHPNH', name: 'Phnom Penh' }, bargeOperator: 'MEKONG' },
      ],
    },
    {
      code: 'VNCMT',
      name: 'Cai Mep',
      terminal: { code: 'CMIT', name: 'Cai Mep International Terminal' },
      share: 0.2,
      lanes: { TRANSPACIFIC: 0.45, ASIA_EUROPE: 0.3, INTRA_ASIA: 0.15, LATAM_AFRICA: 0.05, OCEANIA: 0.05 },
      hinterland: [
        { code: 'VNBDG', name: 'Binh Duong Terminal' },
        { code: 'VNSGN', name: 'Ho Chi Minh City' },
      ],
      transit: [
        { mode: 'BARGE', destination: { code: 'KHPNH', name: 'Phnom Penh' }, bargeOperator: 'MEKONG' },
      ],
    },
  ],
};

export interface PartnerPort extends NamedPlace {
  lane: TradeLane;
  weight: number;
}

/**
 * Major partner ports of Viet Nam's liner trade. None is on a rule pack's high-risk hub, free zone or
 * embargo list: the generator checks, and plants those on purpose only.
 */
export const PARTNER_PORTS: readonly PartnerPort[] = [
  { code: 'CNSHA', name: 'Shanghai', lane: 'INTRA_ASIA', weight: 8 },
  { code: 'CNNGB', name: 'Ningbo', lane: 'INTRA_ASIA', weight: 5 },
  { code: 'CNYTN', name: 'Yantian', lane: 'INTRA_ASIA', weight: 4 },
  { code: 'CNSHK', name: 'Shekou', lane: 'INTRA_ASIA', weight: 4 },
  { code: 'CNNSA', name: 'Nansha', lane: 'INTRA_ASIA', weight: 4 },
  { code: 'CNTAO', name: 'Qingdao', lane: 'INTRA_ASIA', weight: 3 },
  { code: 'CNTXG', name: 'Tianjin Xingang', lane: 'INTRA_ASIA', weight: 2 },
  { code: 'CNXMN', name: 'Xiamen', lane: 'INTRA_ASIA', weight: 2 },
  { code: 'HKHKG', name: 'Hong Kong', lane: 'INTRA_ASIA', weight: 5 },
  { code: 'TWKHH', name: 'Kaohsiung', lane: 'INTRA_ASIA', weight: 3 },
  { code: 'KRPUS', name: 'Busan', lane: 'INTRA_ASIA', weight: 5 },
  { code: 'KRINC', name: 'Incheon', lane: 'INTRA_ASIA', weight: 2 },
  { code: 'JPTYO', name: 'Tokyo', lane: 'INTRA_ASIA', weight: 3 },
  { code: 'JPYOK', name: 'Yokohama', lane: 'INTRA_ASIA', weight: 2 },
  { code: 'JPOSA', name: 'Osaka', lane: 'INTRA_ASIA', weight: 2 },
  { code: 'SGSIN', name: 'Singapore', lane: 'INTRA_ASIA', weight: 6 },
  { code: 'MYPKG', name: 'Port Klang', lane: 'INTRA_ASIA', weight: 3 },
  { code: 'MYTPP', name: 'Tanjung Pelepas', lane: 'INTRA_ASIA', weight: 2 },
  { code: 'THLCH', name: 'Laem Chabang', lane: 'INTRA_ASIA', weight: 4 },
  { code: 'KHKOS', name: 'Sihanoukville', lane: 'INTRA_ASIA', weight: 2 },
  { code: 'IDTPP', name: 'Tanjung Priok', lane: 'INTRA_ASIA', weight: 2 },
  { code: 'IDSUB', name: 'Surabaya', lane: 'INTRA_ASIA', weight: 1 },
  { code: 'PHMNL', name: 'Manila', lane: 'INTRA_ASIA', weight: 2 },
  { code: 'USLAX', name: 'Los Angeles', lane: 'TRANSPACIFIC', weight: 6 },
  { code: 'USLGB', name: 'Long Beach', lane: 'TRANSPACIFIC', weight: 5 },
  { code: 'USOAK', name: 'Oakland', lane: 'TRANSPACIFIC', weight: 2 },
  { code: 'USSEA', name: 'Seattle', lane: 'TRANSPACIFIC', weight: 2 },
  { code: 'USNYC', name: 'New York', lane: 'TRANSPACIFIC', weight: 3 },
  { code: 'USSAV', name: 'Savannah', lane: 'TRANSPACIFIC', weight: 2 },
  { code: 'USHOU', name: 'Houston', lane: 'TRANSPACIFIC', weight: 1 },
  { code: 'CAVAN', name: 'Vancouver', lane: 'TRANSPACIFIC', weight: 2 },
  { code: 'NLRTM', name: 'Rotterdam', lane: 'ASIA_EUROPE', weight: 5 },
  { code: 'DEHAM', name: 'Hamburg', lane: 'ASIA_EUROPE', weight: 4 },
  { code: 'BEANR', name: 'Antwerp', lane: 'ASIA_EUROPE', weight: 3 },
  { code: 'GBFXT', name: 'Felixstowe', lane: 'ASIA_EUROPE', weight: 2 },
  { code: 'FRLEH', name: 'Le Havre', lane: 'ASIA_EUROPE', weight: 1 },
  { code: 'ESVLC', name: 'Valencia', lane: 'ASIA_EUROPE', weight: 1 },
  { code: 'ITGOA', name: 'Genoa', lane: 'ASIA_EUROPE', weight: 1 },
  { code: 'TRMER', name: 'Mersin', lane: 'ASIA_EUROPE', weight: 1 },
  { code: 'INNSA', name: 'Nhava Sheva', lane: 'SOUTH_ASIA_GULF', weight: 3 },
  { code: 'INMAA', name: 'Chennai', lane: 'SOUTH_ASIA_GULF', weight: 1 },
  { code: 'LKCMB', name: 'Colombo', lane: 'SOUTH_ASIA_GULF', weight: 2 },
  { code: 'BDCGP', name: 'Chattogram', lane: 'SOUTH_ASIA_GULF', weight: 2 },
  { code: 'PKKHI', name: 'Karachi', lane: 'SOUTH_ASIA_GULF', weight: 1 },
  { code: 'SAJED', name: 'Jeddah', lane: 'SOUTH_ASIA_GULF', weight: 1 },
  { code: 'EGPSD', name: 'Port Said', lane: 'SOUTH_ASIA_GULF', weight: 1 },
  { code: 'AUSYD', name: 'Sydney', lane: 'OCEANIA', weight: 2 },
  { code: 'AUMEL', name: 'Melbourne', lane: 'OCEANIA', weight: 2 },
  { code: 'BRSSZ', name: 'Santos', lane: 'LATAM_AFRICA', weight: 2 },
  { code: 'MXZLO', name: 'Manzanillo', lane: 'LATAM_AFRICA', weight: 1 },
  { code: 'CLSAI', name: 'San Antonio', lane: 'LATAM_AFRICA', weight: 1 },
  { code: 'ZADUR', name: 'Durban', lane: 'LATAM_AFRICA', weight: 1 },
];

/**
 * Destinations under an arms embargo, by country, when the rule pack lists the country (UN/LOCODEs
 * checked in a test). Used only to plant EMBARGO_DESTINATION.
 */
export const EMBARGO_DESTINATION_PORTS: Readonly<Record<string, NamedPlace>> = {
  KP: { code: 'KPNAM', name: 'Nampo' },
  LY: { code: 'LYTIP', name: 'Tripoli' },
  SD: { code: 'SDPZU', name: 'Port Sudan' },
  YE: { code: 'YEADE', name: 'Aden' },
  SO: { code: 'SOMGQ', name: 'Mogadishu' },
  IQ: { code: 'IQUQR', name: 'Umm Qasr' },
  LB: { code: 'LBBEY', name: 'Beirut' },
  HT: { code: 'HTPAP', name: 'Port-au-Prince' },
  CD: { code: 'CDMAT', name: 'Matadi' },
  CF: { code: 'CFBGF', name: 'Bangui' },
  SS: { code: 'SSJUB', name: 'Juba' },
};

/** Cities for a consignee in a country, when it is not the destination port's city. */
export const CAPITALS: Readonly<Record<string, string>> = {
  KP: 'Pyongyang',
  LY: 'Tripoli',
  SD: 'Khartoum',
  YE: "Sana'a",
  SO: 'Mogadishu',
  IQ: 'Baghdad',
  LB: 'Beirut',
  HT: 'Port-au-Prince',
  CD: 'Kinshasa',
  CF: 'Bangui',
  SS: 'Juba',
  IR: 'Tehran',
  SY: 'Damascus',
};
