import type { PipelineSteps } from './pipeline';
import { claimStructure, spotClaims } from './spot/index';
import { classifyStance } from './stance/index';

/** The product's pipeline steps (spotter, stance model) around a given retrieval backend. */
export function defaultSteps(search: PipelineSteps['search'], searchMany?: PipelineSteps['searchMany']): PipelineSteps {
  return {
    spot: (text, opts) => spotClaims(text, opts),
    structure: claimStructure,
    search,
    ...(searchMany ? { searchMany } : {}),
    stance: classifyStance,
  };
}
