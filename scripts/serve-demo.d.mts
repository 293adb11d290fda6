/** Types for serve-demo.mjs (plain JavaScript so `npm start` runs without a TypeScript loader). */
export declare const PROJECT_ROOT: string;
export declare function contentTypeFor(file: string): string;

export interface StaticServer {
  /** Origin of the server, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  /** Absolute folder being served. */
  readonly root: string;
  /** Full URL of a path under the served folder: `url('pages/index.html')`. */
  url(p: string): string;
  close(): Promise<void>;
}

/** Serves `root` (relative to the project root unless absolute) on 127.0.0.1; port 0 picks a free one. */
export declare function startStaticServer(root?: string, opts?: { port?: number }): Promise<StaticServer>;
