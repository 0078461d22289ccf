/** Makes distDir/main.cjs.cache by running the common commands once in a clean child process. */
export function trainCodeCache(distDir: string): void;
