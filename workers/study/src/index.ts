import { createModuleApp } from "@vanguard/platform";

const app = createModuleApp({ service: "study" });

export default app;
