// Evidence throughput: a 1 MB file uploaded (multipart, hashed, typed, stored in R2, chained) and
// downloaded, and the time to generate a Word document from a record, one request at a time.

const MB = 1024 * 1024;

function onePdf(seed) {
  const bytes = new Uint8Array(MB);
  bytes.set(new TextEncoder().encode(`%PDF-1.4\n% bench ${seed}\n`));
  for (let i = 64; i < bytes.length; i++) bytes[i] = (i * 31 + seed * 7) & 0xff;
  return bytes;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function evidenceCosts({ base, api, districtKey, districtId, rounds = 10 }) {
  const da = api.as(districtKey);
  const branch = await da.post(`/v1/districts/${districtId}/branches`, {
    name: "材料压测支部",
    kind: "branch",
    foundedOn: "2020-01-01",
  });
  const key = (await da.post(`/v1/branches/${branch.id}/keys`, { role: "branch_admin", label: "bench" })).key;
  const ba = api.as(key);
  const people = [];
  for (const name of ["甲", "乙", "丙"])
    people.push(
      await ba.post(`/v1/branches/${branch.id}/members`, {
        name,
        gender: "male",
        birthDate: "1980-01-01",
        status: "full",
        joinedOn: "2010-07-01",
      }),
    );
  const meeting = await ba.post(`/v1/branches/${branch.id}/meetings`, {
    kind: "theme_day",
    heldOn: new Date().toISOString().slice(0, 10),
    topic: "压测主题党日",
    attendeeIds: people.map((p) => p.id),
    hours: 2,
    minutes: "会议内容".repeat(200),
  });
  const path = `${base}/v1/branches/${branch.id}/meetings/${meeting.id}`;
  const auth = { authorization: `Bearer ${key}` };

  const uploads = [];
  const urls = [];
  for (let i = 0; i < rounds; i++) {
    const form = new FormData();
    form.set("file", new Blob([onePdf(i)], { type: "application/pdf" }), `bench-${i}.pdf`);
    form.set("document", "photo");
    const t0 = performance.now();
    const res = await fetch(`${path}/attachments`, { method: "POST", headers: auth, body: form });
    const body = await res.json();
    uploads.push(performance.now() - t0);
    if (res.status !== 201) throw new Error(`upload → ${res.status} ${JSON.stringify(body)}`);
    urls.push(body.url);
  }
  const downloads = [];
  for (const url of urls) {
    const t0 = performance.now();
    const res = await fetch(`${base}${url}`, { headers: auth });
    const bytes = await res.arrayBuffer();
    downloads.push(performance.now() - t0);
    if (res.status !== 200 || bytes.byteLength !== MB) throw new Error(`download → ${res.status}`);
  }
  const documents = [];
  for (let i = 0; i < rounds * 2; i++) {
    const t0 = performance.now();
    const res = await fetch(`${path}/documents/minutes.docx`, { headers: auth });
    await res.arrayBuffer();
    documents.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`document → ${res.status}`);
  }
  const mbps = (ms) => 1000 / ms;
  return [
    {
      name: "upload of a 1 MB file (multipart, typed, hashed, R2, chained)",
      ms: median(uploads),
      detail: `${mbps(median(uploads)).toFixed(1)} MB/s, median of ${rounds}`,
    },
    {
      name: "download of a 1 MB file",
      ms: median(downloads),
      detail: `${mbps(median(downloads)).toFixed(1)} MB/s, median of ${rounds}`,
    },
    {
      name: "a Word document generated (会议记录, default template)",
      ms: median(documents),
      detail: `median of ${rounds * 2}`,
    },
  ];
}
