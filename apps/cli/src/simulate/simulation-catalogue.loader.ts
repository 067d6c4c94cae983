import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULE_PACK_PATH, loadRulePack } from '@chokepoint/engine';
import {
  DEFAULT_REFERENCE_DATA_DIR,
  defaultReferenceData,
  parseCsvRecords,
} from '@chokepoint/reference-data';
import {
  loadListSource,
  parseUnConsolidatedList,
  SanctionsIndex,
  SHIPPED_UN_CONSOLIDATED_LIST_PATH,
} from '@chokepoint/sanctions';
import { buildSimulationCatalogue, type SimulationCatalogue } from './simulation-catalogue';
import { SimulationError, SIMULATION_ERROR_CODES } from './simulation.exception';

const VESSELS_FILE = join(__dirname, 'data', 'marad-containerships.csv');

export interface CatalogueFiles {
  rulePackPath?: string;
  sanctionsSource?: string;
  /** Defaults to the rule pack's jurisdiction. */
  jurisdiction?: string;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new SimulationError(
      SIMULATION_ERROR_CODES.sourceUnreadable,
      `cannot read ${what} ${path}: ${(error as Error).message}`,
    );
  }
}

/** Reads the rule pack, the reference data, the sanctions list and the vessel extract once. */
export async function loadSimulationCatalogue(files: CatalogueFiles = {}): Promise<SimulationCatalogue> {
  const packPath = files.rulePackPath ?? DEFAULT_RULE_PACK_PATH;
  const packYaml = readText(packPath, 'rule pack');
  const pack = loadRulePack(packYaml, packPath);
  const sanctionsSource = files.sanctionsSource ?? SHIPPED_UN_CONSOLIDATED_LIST_PATH;
  let listXml: string;
  try {
    listXml = await loadListSource(sanctionsSource);
  } catch (error) {
    throw new SimulationError(
      SIMULATION_ERROR_CODES.sourceUnreadable,
      `cannot read sanctions list ${sanctionsSource}: ${(error as Error).message}`,
    );
  }
  const sanctionsList = parseUnConsolidatedList(listXml);
  const hsNomenclature = parseCsvRecords(
    readText(join(DEFAULT_REFERENCE_DATA_DIR, 'harmonized-system.csv'), 'HS nomenclature'),
  ).map((row) => ({ hscode: row.hscode ?? '', description: row.description ?? '' }));
  const vessels = parseCsvRecords(readText(VESSELS_FILE, 'vessel list')).map((row) => ({
    imoNumber: row.imoNumber ?? '',
    vesselName: row.vesselName ?? '',
    operator: row.operator ?? '',
  }));
  const unLocodes = defaultReferenceData().unLocodes;
  return buildSimulationCatalogue({
    jurisdiction: files.jurisdiction ?? pack.jurisdiction,
    pack,
    packYaml,
    hsNomenclature,
    sanctionsList,
    sanctions: new SanctionsIndex([sanctionsList]),
    vessels,
    placeName: (code) => unLocodes.lookup(code)?.name,
  });
}
