import { CountryDirectory } from './country.directory';
import { HsNomenclature } from './hs-nomenclature.directory';
import { MaritimeIdentificationDigits } from './maritime-identification-digits.directory';
import { UnLocodeDirectory } from './un-locode.directory';

export interface ReferenceData {
  unLocodes: UnLocodeDirectory;
  countries: CountryDirectory;
  maritimeIdentificationDigits: MaritimeIdentificationDigits;
  hsNomenclature: HsNomenclature;
}

let shared: ReferenceData | undefined;

/** One process-wide set over the shipped files; each directory still loads only when first asked. */
export function defaultReferenceData(): ReferenceData {
  shared ??= {
    unLocodes: new UnLocodeDirectory(),
    countries: new CountryDirectory(),
    maritimeIdentificationDigits: new MaritimeIdentificationDigits(),
    hsNomenclature: new HsNomenclature(),
  };
  return shared;
}
