import Dexie, { type EntityTable } from 'dexie';

/**
 * The corpus database. Opened in the background (and read by extension pages); never from a
 * content script, where IndexedDB would belong to the news site's origin.
 */

/** Where an article came from. */
export type ArticleSource = 'demo' | 'import' | 'capture';

/** One stored article. Only fields a `where()` uses are indexed; the text never is. */
export interface ArticleRow {
  id: number;
  /** The URL as given. */
  url: string;
  /** The URL with tracking parameters, AMP and mobile variants removed: one article, one key. */
  canonicalUrl: string;
  outlet: string;
  title: string;
  published: string | null;
  text: string;
  /** MinHash signature of the text, to recognise syndicated copies. */
  signature: number[];
  /** The first few signature values, indexed, to find candidate copies quickly. */
  sigKeys: number[];
  /** Set when this article is a syndicated copy of another stored article. */
  copyOf?: number;
  copyOfOutlet?: string;
  source: ArticleSource;
  addedAt: number;
}

/** Small records: the persisted search index, flags. */
export interface MetaRow {
  key: string;
  value: unknown;
}

export type CrosscheckDb = Dexie & {
  articles: EntityTable<ArticleRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

/** Number of signature values indexed per article. */
export const SIG_KEYS = 6;

/** Opens (or creates) the corpus database. `name` lets tests use their own. */
export function openDb(name = 'crosscheck'): CrosscheckDb {
  const db = new Dexie(name) as CrosscheckDb;
  db.version(1).stores({
    articles: '++id, &canonicalUrl, outlet, [outlet+published], source, *sigKeys',
    meta: '&key',
  });
  return db;
}
