// Demo data for the onboarding worker, seeded through the public API after the platform seed.
// `api` is a client with the platform-admin key (`api.as(key)` switches keys); `demo` is what
// seedPlatform returned: { district, branches, members, keys }.
export async function seedOnboarding(_api, _demo, _opts) {}
