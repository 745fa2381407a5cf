// `pnpm assets`: copies the browser bundles the api worker serves (the docs) into its public/.
import { vendorAssets } from "./lib/stack.mjs";

vendorAssets();
console.log("copied vendor assets into workers/api/public/vendor");
