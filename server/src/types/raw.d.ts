/** A data file bundled as text (`import text from './file.yaml?raw'`): Vite/vitest natively, esbuild through the `raw` plugin of scripts/build.mjs. */
declare module '*?raw' {
  const text: string;
  export default text;
}
