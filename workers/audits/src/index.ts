import { createModuleApp } from "@vanguard/platform";

const app = createModuleApp({ service: "audits" });

export default app;
