import { createModuleApp } from "@vanguard/platform";

const app = createModuleApp({ service: "onboarding" });

export default app;
