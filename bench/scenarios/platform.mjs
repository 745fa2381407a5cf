// Scenarios of the api worker: reads compare a big and a small branch, which must cost the same D1 queries.
export function platformScenarios(ctx) {
  const { base, big, small, reportDistrict, reportDistrictLarge } = ctx;
  let n = 0;
  const auth = (key) => ({ authorization: `Bearer ${key}` });
  return [
    {
      name: "member list (50 rows)",
      read: true,
      url: `${base}/v1/branches/${big.branchId}/members?limit=50`,
      headers: auth(big.key),
      small: { url: `${base}/v1/branches/${small.branchId}/members?limit=50`, headers: auth(small.key) },
    },
    {
      name: "member create",
      read: false,
      method: "POST",
      url: `${base}/v1/branches/${big.branchId}/members`,
      headers: { ...auth(big.districtKey), "content-type": "application/json" },
      body: JSON.stringify({
        name: "压测党员",
        gender: "female",
        birthDate: "1990-05-05",
        status: "applicant",
      }),
      // the 8 connections write to different branches, as real traffic does (one branch: below)
      setupRequest: (req) => {
        n += 1;
        req.path = `/v1/branches/${big.branchAt(2 + (n % 8))}/members`;
        return req;
      },
    },
    // the same write from 10 and from 50 connections, all on one branch's chain
    ...[10, 50].map((connections) => ({
      name: `writes to one branch, ${connections} connections`,
      read: false,
      oneBranch: true,
      method: "POST",
      connections,
      url: `${base}/v1/branches/${big.branchAt(1)}/members`,
      headers: { ...auth(big.districtKey), "content-type": "application/json" },
      body: JSON.stringify({
        name: "同支部并发",
        gender: "male",
        birthDate: "1988-08-08",
        status: "applicant",
      }),
    })),
    {
      name: "dues of a month",
      read: true,
      url: `${base}/v1/branches/${big.branchId}/dues?limit=50`,
      headers: auth(big.key),
      small: { url: `${base}/v1/branches/${small.branchId}/dues?limit=50`, headers: auth(small.key) },
    },
    {
      name: "branch today (home page)",
      read: true,
      url: `${base}/v1/branches/${big.branchId}/today`,
      headers: auth(big.key),
      small: { url: `${base}/v1/branches/${small.branchId}/today`, headers: auth(small.key) },
    },
    // a report is asked for as browsers and curl --compressed ask: accepting gzip (a kept report is
    // sent as kept, compressed once); the uncompressed row shows what a client that does not pays
    {
      name: "compliance report (1,000 branches)",
      read: true,
      url: `${base}/v1/reports/compliance?districtId=${reportDistrict.districtId}`,
      headers: { ...auth(reportDistrict.districtKey), "accept-encoding": "gzip" },
      small: {
        url: `${base}/v1/reports/compliance?districtId=${small.districtId}`,
        headers: { ...auth(small.districtKey), "accept-encoding": "gzip" },
      },
    },
    {
      name: "compliance report (4,000 branches)",
      read: true,
      url: `${base}/v1/reports/compliance?districtId=${reportDistrictLarge.districtId}`,
      headers: { ...auth(reportDistrictLarge.districtKey), "accept-encoding": "gzip" },
    },
    {
      name: "compliance report (1,000 branches), uncompressed",
      read: true,
      connections: 1,
      url: `${base}/v1/reports/compliance?districtId=${reportDistrict.districtId}`,
      headers: auth(reportDistrict.districtKey),
    },
  ];
}
