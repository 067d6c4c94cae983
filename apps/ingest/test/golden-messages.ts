// The golden DCSA inputs (eBL 3.0 documents, TNT 2.2 / 3.0 / 3.0-Beta-1 events), one message each, as
// the decoders' own tests read them.
export { type GoldenMessage, goldenMessages } from '../../../libs/ingest-decoding/test/decoding-corpus';
