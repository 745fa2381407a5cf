import { exports } from "cloudflare:workers";
import { signContext } from "@vanguard/platform";
import { docxText as text } from "@vanguard/testing/evidence-files";
import { principalFor, TEST_INTERNAL_SECRET } from "@vanguard/testing/module-harness";
import { describe, expect, it } from "vitest";
import { PERSON, until, type World, walk, world } from "./harness";

async function docx(w: World, path: string) {
  const res = await exports.default.fetch(
    new Request(`https://module.internal${path}`, {
      headers: {
        "x-vanguard-context": await signContext(TEST_INTERNAL_SECRET, {
          principal: principalFor("branch_admin", w.ref),
          requestId: "req_test_docx",
          lang: "zh-CN",
          tenant: w.ref,
        }),
      },
    }),
  );
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes };
}

describe("forms generated from a case", () => {
  it("fills the 支部大会决议 with the case's names, dates and vote counts", async () => {
    const w = await world();
    const { caseId } = await walk(w, until(w, "upper_talk"));
    // the case offers the forms whose steps it has recorded, each a link to its .docx
    const view = await w.call(`${w.cases}/${caseId}`);
    expect(view.body.forms).toEqual([
      {
        kind: "activist_registration",
        label: "入党积极分子考察登记表",
        url: `${w.cases}/${caseId}/documents/activist_registration.docx`,
      },
      expect.objectContaining({ kind: "candidate_publicity", label: "发展对象公示" }),
      expect.objectContaining({ kind: "admission_resolution" }),
    ]);
    const { res, bytes } = await docx(w, view.body.forms[2].url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toContain(
      encodeURIComponent(`${PERSON.name}-支部大会决议（接收预备党员）.docx`),
    );
    expect(res.headers.get("x-template-version")).toBe("0");
    const t = text(bytes);
    expect(t).toContain("2024年10月28日，中共支部");
    expect(t).toContain(`${PERSON.name}，男，1998年5月4日出生，2023年3月1日递交入党申请书`);
    expect(t).toContain("入党介绍人：介绍人 赵秀英、介绍人 孙卫东");
    expect(t).toContain("有表决权的党员9名，到会有表决权的党员8名（另有1名");
    expect(t).toContain("赞成8票，反对0票，弃权0票");
    expect(t).not.toMatch(/\{|\}|undefined/);
  });

  it("fills the activist registration's reviews, and refuses a form whose step is not recorded", async () => {
    const w = await world();
    const { caseId } = await walk(w, until(w, "candidate_designation"));
    const reg = text((await docx(w, `${w.cases}/${caseId}/documents/activist_registration.docx`)).bytes);
    expect(reg).toContain("培养联系人：联系人 李红梅、联系人 王志强");
    expect(reg).toContain("2023年10月10日　思想表现：良好　工作表现：优秀　参加培训：8 学时");
    expect(reg).toContain("2024年4月8日　思想表现：优秀");
    const early = await w.call(`${w.cases}/${caseId}/documents/full_membership_resolution.docx`, {
      lang: "en",
    });
    expect(early.status).toBe(422);
    expect(early.body.errors[0]).toMatchObject({
      rule: "document_step_not_reached",
      facts: { step: "full_membership_vote" },
    });
    expect(early.body.detail).toContain("full-membership vote");
    expect((await w.call(`${w.cases}/${caseId}/documents/passport.docx`)).status).toBe(400);
    expect((await w.call(`${w.cases}/dc_nope/documents/candidate_publicity.docx`)).status).toBe(404);
  });
});
