// Demo evidence: scanned papers attached to a few development steps and meetings of 经济信息中心党支部,
// uploaded through the API like a clerk would (multipart, checked by content, chained into the log).

/** A small, valid one-page PDF whose text says what the paper is. */
function pdf(title) {
  const text = title.replace(/[()\\]/g, "");
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** A 1×1 red PNG: stands in for a photo of the meeting. */
const PHOTO = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="),
  (c) => c.charCodeAt(0),
);

async function attach(base, key, path, bytes, filename, document, type) {
  const form = new FormData();
  form.set("file", new Blob([bytes], { type }), filename);
  form.set("document", document);
  const res = await fetch(`${base}${path}/attachments`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}` },
    body: form,
  });
  if (res.status !== 201) throw new Error(`attach ${path} → ${res.status}: ${await res.text()}`);
  return res.json();
}

export async function seedEvidence(api, base, demo) {
  const econ = demo.keys.branches.econ;
  const ba = api.as(econ.branchAdmin);
  const b = `/v1/branches/${econ.branchId}`;
  const cases = (await ba.get(`${b}/development/cases?limit=50`)).items;
  let attached = 0;
  for (const c of cases.slice(0, 3)) {
    await attach(
      base,
      econ.branchAdmin,
      `${b}/development/cases/${c.id}/steps/application`,
      pdf(`Application letter - ${c.id}`),
      `${c.memberName ?? c.id}-入党申请书.pdf`,
      "application_letter",
      "application/pdf",
    );
    attached++;
  }
  const admitted = cases.find((c) => c.stage === "probationary" || c.stage === "full");
  if (admitted) {
    await attach(
      base,
      econ.branchAdmin,
      `${b}/development/cases/${admitted.id}/steps/application_form`,
      pdf(`Membership form - ${admitted.id}`),
      "入党志愿书（扫描件）.pdf",
      "membership_form",
      "application/pdf",
    );
    attached++;
  }
  const meetings = (await ba.get(`${b}/meetings?limit=20`)).items;
  for (const m of meetings.slice(0, 2)) {
    const path = `${b}/meetings/${m.id}`;
    await attach(
      base,
      econ.branchAdmin,
      path,
      pdf(`Sign-in sheet - ${m.heldOn}`),
      `${m.heldOn}-签到表.pdf`,
      "sign_in_sheet",
      "application/pdf",
    );
    await attach(base, econ.branchAdmin, path, PHOTO, `${m.heldOn}-会场照片.png`, "photo", "image/png");
    attached += 2;
  }
  return attached;
}
