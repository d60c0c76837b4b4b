/** What a benchmark page runs: detection and the parts it times apart, from the modules that own them. */
export { detect, scanPage } from '../../lib/detect/detect';
export { learnedLookup } from '../../lib/detect/labels';
export { ENTRY_SELECTOR, gatherCandidates } from '../../lib/detect/page';
