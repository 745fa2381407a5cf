import { moduleWorkerConfig } from "@vanguard/testing/vitest-module";

export default moduleWorkerConfig("onboarding");
