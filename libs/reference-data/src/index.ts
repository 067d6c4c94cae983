export * from './csv.parser';
export * from './country.directory';
export * from './hs-nomenclature.directory';
export * from './maritime-identification-digits.directory';
export * from './un-locode.directory';
export * from './reference-data';
export { DEFAULT_REFERENCE_DATA_DIR } from './reference-data-files';
