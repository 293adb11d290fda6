/**
 * Places in a claim's evidence that one outlet, and one story with its syndicated copies, may
 * take (RetrieveOptions.perOutlet / perStory): an outlet counts once in a verdict (its latest
 * article that takes a side speaks for it), and so does a story however many outlets ran it, so
 * more of either would only push other outlets out (a site whose pages the reader captured as
 * they read has many articles on its stories). A module of its own so that the corpus benchmark
 * asks for evidence as the product does without loading the pipeline.
 */
export const EVIDENCE_PER_OUTLET = 3;
export const EVIDENCE_PER_STORY = 2;
