import { fileURLToPath } from "node:url";
import { VantResolver } from "@vant/auto-import-resolver";
import vue from "@vitejs/plugin-vue";
import { ElementPlusResolver } from "unplugin-vue-components/resolvers";
import Components from "unplugin-vue-components/vite";
import { defineConfig } from "vite";
import { reportBudgets } from "./build/budget-plugin.mjs";
import { localFontsOnly } from "./build/local-fonts.mjs";

const outDir = fileURLToPath(new URL("../../workers/api/public/console", import.meta.url));

/**
 * The console is built into the api worker's static assets (served under /console/ with its own
 * CSP), so nothing it loads comes from another origin. Element Plus components and their CSS are
 * imported on demand by the resolver; every page is its own chunk. A second entry, m/index.html,
 * is the member's phone pages (Vant, served at /m/), sharing the API client, session and messages.
 */
export default defineConfig({
  base: "/console/",
  plugins: [
    localFontsOnly(),
    vue(),
    Components({
      dts: false,
      dirs: [],
      resolvers: [ElementPlusResolver({ importStyle: "css" }), VantResolver({ importStyle: "css" })],
    }),
    reportBudgets(),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    reportCompressedSize: false,
    rollupOptions: {
      input: {
        console: fileURLToPath(new URL("./index.html", import.meta.url)),
        phone: fileURLToPath(new URL("./m/index.html", import.meta.url)),
      },
    },
  },
});
