export declare const projectRoot: string;
export declare function electronVersion(root?: string): string | null;
export declare function findElectronBinary(options?: {
  root?: string;
  env?: NodeJS.ProcessEnv;
}): { path: string; reason: string } | { path: null; reason: string };
export declare function electronSqliteBinding(root?: string, version?: string | null): string;
