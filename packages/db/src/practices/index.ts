// Core, shared: the practices of organizational life (elections, community service, reflections,
// political birthdays), each used by another worker (api, onboarding, study, audits).
export * from "./birthdays";
export * from "./elections";
export * from "./reflections";
export * from "./service";
