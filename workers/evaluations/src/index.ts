import { createModuleApp } from "@vanguard/platform";

const app = createModuleApp({ service: "evaluations" });

export default app;
