import { defineConfig } from "tsdown";

// The package as installed outside the monorepo: ES modules with declarations, the CLI as a plain
// Node script. Dependencies stay external (npm installs them); inside the monorepo the sources run
// as they are (exports point at src, bin/vanguard.mjs runs through tsx).
export default defineConfig({
  entry: { index: "src/index.ts", cli: "src/cli/main.ts" },
  format: "esm",
  platform: "node",
  target: "node20",
  dts: true,
  clean: true,
  outDir: "dist",
});
