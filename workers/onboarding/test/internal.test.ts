import { describeModuleWorker } from "@vanguard/testing/module-worker";

describeModuleWorker("onboarding");
