// The secrets and settings every test run's workers get (workerd under vitest, and the module
// workers built beside the api worker). Test-only values; production reads its own secrets.
export const TEST_SECRETS = {
  BOOTSTRAP_ADMIN_KEY: "vgk_test_platform_admin",
  INTERNAL_SECRET: "test-internal-secret",
  // 32 random bytes each (a key that decodes to text is refused); test-only values
  MEMBER_DATA_KEY: "JepIM4fpeHimppPjTFw4rHOo2W6PzxrZ36ct0JB2bnc=",
  MEMBER_LOOKUP_KEY: "IY7XW6PiAiftI7ABgvtWIuva5jsxQnWMzM3sjQOSlXQ=",
  LOG_REQUESTS: "0",
  // a test's storage is rolled back after it, an isolate's memory is not: the tests read afresh
  AUTH_CACHE_SECONDS: "0",
  WEBHOOK_RETRY_BASE_SECONDS: "1",
  // the tests read the X-D1-* counts
  D1_METRICS: "1",
  // limits at the binding's ceiling (weight 1): the Miniflare inside the vitest plugin refuses the
  // `delta` that lower limits need; test/rate-limit.test.ts drives a binding of its own instead
  RATE_LIMIT_PER_MINUTE: "1000000",
  // …and for the same reason one request per call (a batch of ten weighs ten)
  RATE_LIMIT_BATCH: "1",
  SIGNIN_RATE_LIMIT_PER_MINUTE: "1000000",
  SERVICE_CONFIRM_RATE_LIMIT_PER_MINUTE: "1000000",
  // tests run their webhook receivers on loopback; production refuses every private address
  WEBHOOKS_ALLOW_LOOPBACK: "1",
};
