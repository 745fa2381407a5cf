// Demo data for the onboarding worker, seeded through the public API after the platform seed.
// `api` is a client with the platform-admin key (`api.as(key)` switches keys); `demo` is what
// seedPlatform returned: { district, branches, members, keys }.
import { person, rng } from "./people.mjs";

function addDays(date, n) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const UPPER = new Set([
  "activist_filing",
  "candidate_filing",
  "intensive_training",
  "pre_review",
  "upper_talk",
  "admission_approval",
  "admission_record",
  "full_membership_approval",
]);

/**
 * The 25 steps as a branch really spaces them, in days after the application: a year of
 * cultivation, 21 days of publicity, the branch vote, a year of probation.
 */
function steps(p) {
  const vote = (extra = {}) => ({ expected: 9, present: 8, for: 8, against: 0, abstain: 0, ...extra });
  return [
    [19, "application_talk", { talkerIds: [p.secretary] }, "书记与申请人谈话，了解入党动机和对党的认识"],
    [45, "activist_designation", { recommendedBy: "party_members" }],
    [50, "contacts_assigned", { contactIds: [p.contact1, p.contact2] }],
    [55, "activist_filing", {}],
    [
      223,
      "cultivation_review",
      { thought: "good", work: "outstanding", trainingHours: 8 },
      "参加党课学习8学时",
    ],
    [404, "cultivation_review", { thought: "outstanding", work: "outstanding", trainingHours: 4 }],
    [412, "candidate_designation", { opinionsHeard: ["group", "contacts", "members", "masses"] }],
    [422, "candidate_filing", {}],
    [432, "introducers_assigned", { introducerIds: [p.intro1, p.intro2] }],
    [471, "political_review", { conclusion: "passed" }, "函调本人及直系亲属政治情况，结论合格"],
    [495, "intensive_training", { hours: 24, days: 3 }, "区委党校发展对象培训班"],
    [569, "committee_review", {}],
    [594, "pre_review", { publicity: { from: null, to: null } }],
    [598, "application_form", {}],
    [607, "admission_vote", vote({ writtenOpinions: { for: 1, against: 0, abstain: 0 } })],
    [615, "upper_talk", { talkerName: "区委组织部组织员 周建华" }],
    [630, "admission_approval", {}],
    [635, "group_assignment", { group: "第一党小组" }],
    [642, "admission_record", {}],
    [650, "oath", {}],
    [780, "probation_review", { rating: "good" }],
    [943, "probation_review", { rating: "outstanding" }],
    [964, "full_membership_request", {}],
    [980, "full_membership_vote", vote({ outcome: "full" })],
    [1020, "full_membership_approval", {}],
    [1045, "archive", {}],
  ];
}

/** Opens a case applied on `anchor` and records the steps up to and including `last`. */
async function developCase(ctx, { anchor, memberId, newPerson, last }) {
  const { ba, da, cases, people } = ctx;
  const opened = await ba.post(
    cases,
    memberId ? { memberId, appliedOn: anchor } : { person: newPerson, appliedOn: anchor },
  );
  if (!last) return opened;
  for (const [offset, step, data, note] of steps(people)) {
    const occurredOn = addDays(anchor, offset);
    const body = { step, occurredOn, data, ...(note ? { note } : {}) };
    // publicity runs the 21 days after the committee review, whatever holidays fall in it
    if (step === "pre_review")
      body.data = { publicity: { from: addDays(anchor, 570), to: addDays(anchor, 590) } };
    await (UPPER.has(step) ? da : ba).post(`${cases}/${opened.id}/steps`, body, {
      "Idempotency-Key": `seed-${opened.id}-${step}-${occurredOn}`,
    });
    if (step === last) break;
  }
  return opened;
}

export async function seedOnboarding(api, demo, opts) {
  const { today } = opts;
  const rand = rng(20261201);
  let seq = 500;
  const newPerson = () => {
    const { name, gender, birthDate, idNumber, phone, education } = person(rand, seq++, {
      status: "applicant",
      today,
      minAge: 24,
      maxAge: 34,
    });
    return { name, gender, birthDate, idNumber, phone, education };
  };
  const da = api.as(demo.keys.districtAdmin);

  const econ = demo.keys.branches.econ;
  const roll = demo.members.econ;
  const full = roll.filter((m) => m.status === "full");
  const ctx = {
    ba: api.as(econ.branchAdmin),
    da,
    cases: `/v1/branches/${econ.branchId}/development/cases`,
    people: {
      secretary: full[0].id,
      contact1: full[1].id,
      contact2: full[2].id,
      intro1: full[3].id,
      intro2: full[4].id,
    },
  };
  const onRoll = (status) => roll.find((m) => m.status === status).id;
  const back = (days) => addDays(today, -days);

  // every stage of the pipeline in 经济信息中心党支部
  await developCase(ctx, { anchor: back(1100), newPerson: newPerson(), last: "archive" });
  await developCase(ctx, { anchor: back(750), newPerson: newPerson(), last: "oath" });
  await developCase(ctx, { anchor: back(520), memberId: onRoll("candidate"), last: "political_review" });
  await developCase(ctx, { anchor: back(260), memberId: onRoll("activist"), last: "cultivation_review" });
  await developCase(ctx, { anchor: back(12), memberId: onRoll("applicant") });

  // an activist past the year of cultivation, held by an unresolved complaint
  const held = await developCase(ctx, {
    anchor: back(430),
    newPerson: newPerson(),
    last: "cultivation_review",
  });
  await ctx.ba.post(`${ctx.cases}/${held.id}/steps`, {
    step: "cultivation_review",
    occurredOn: back(26),
    data: { thought: "outstanding", work: "good", trainingHours: 6 },
  });
  await ctx.ba.post(`${ctx.cases}/${held.id}/complaints`, {
    receivedOn: back(10),
    source: "群众来信",
    summary: "来信反映其在单位评优中存在不实材料，支部正在核实",
  });

  // an application nobody has talked to for 50 days: overdue (谈话须在一个月内)
  await developCase(ctx, { anchor: back(50), newPerson: newPerson() });

  // an application withdrawn after the talk
  const withdrawn = await developCase(ctx, {
    anchor: back(200),
    newPerson: newPerson(),
    last: "application_talk",
  });
  await ctx.ba.post(`${ctx.cases}/${withdrawn.id}/close`, {
    closedOn: back(150),
    reason: "本人因工作调动撤回入党申请",
  });

  // the community branch has an applicant talked to on time
  const qingkou = demo.keys.branches.qingkou;
  const qFull = demo.members.qingkou.filter((m) => m.status === "full");
  await developCase(
    {
      ...ctx,
      ba: api.as(qingkou.branchAdmin),
      cases: `/v1/branches/${qingkou.branchId}/development/cases`,
      people: { ...ctx.people, secretary: qFull[0].id },
    },
    { anchor: back(40), newPerson: newPerson(), last: "application_talk" },
  );
}
