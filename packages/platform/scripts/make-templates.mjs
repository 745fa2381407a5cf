// `node packages/platform/scripts/make-templates.mjs`: writes the default .docx templates of the
// generated forms (templates/*.docx, real Word files a district can download, edit and upload as its
// own) and their bytes as a module the workers import (src/documents/default-templates.ts).
// Placeholders are docxtemplater tags: {name}; a list repeats between {#reviews} and {/reviews}.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { strToU8, zipSync } from "fflate";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const run = (text, { bold = false, size = 24 } = {}) =>
  `<w:r><w:rPr><w:rFonts w:ascii="SimSun" w:hAnsi="SimSun" w:eastAsia="SimSun"/>${bold ? "<w:b/>" : ""}<w:sz w:val="${size}"/></w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const p = (text, opts = {}) =>
  `<w:p><w:pPr>${opts.center ? '<w:jc w:val="center"/>' : opts.right ? '<w:jc w:val="right"/>' : ""}<w:spacing w:after="120"/>${opts.indent ? '<w:ind w:firstLine="480"/>' : ""}</w:pPr>${run(text, opts)}</w:p>`;
const title = (text) => p(text, { center: true, bold: true, size: 36 });

const TEMPLATES = {
  activist_registration: [
    title("入党积极分子考察登记表"),
    p("党支部：{branchName}"),
    p("姓名：{name}　　性别：{gender}　　出生日期：{birthDate}"),
    p("递交入党申请书日期：{appliedOn}"),
    p("党组织派人谈话日期：{talkedOn}"),
    p("确定为入党积极分子日期：{activistOn}"),
    p("培养联系人：{contacts}"),
    p("培养考察情况：", { bold: true }),
    p("{#reviews}{on}　思想表现：{thought}　工作表现：{work}　参加培训：{trainingHours} 学时{/reviews}"),
    p("党支部意见：", { bold: true }),
    p("　"),
    p("党支部书记（签字）：　　　　　　　　（盖章）", { right: true }),
    p("{generatedOn}", { right: true }),
  ],
  candidate_publicity: [
    title("关于发展对象的公示"),
    p("经党支部委员会研究，拟将{name}同志列为发展对象，现将有关情况公示如下：", { indent: true }),
    p(
      "{name}，{gender}，{birthDate}出生，{appliedOn}递交入党申请书，{activistOn}被确定为入党积极分子，{candidateOn}被确定为发展对象。入党介绍人：{introducers}。",
      { indent: true },
    ),
    p(
      "公示时间：{publicityFrom}至{publicityTo}。公示期间，党员和群众可通过来信、来电、来访等方式向党支部反映情况。",
      { indent: true },
    ),
    p("中共{branchName}", { right: true }),
    p("{generatedOn}", { right: true }),
  ],
  admission_resolution: [
    title("支部大会决议"),
    p("（接收预备党员）", { center: true }),
    p("{voteOn}，中共{branchName}召开支部党员大会，讨论{name}同志的入党问题。", { indent: true }),
    p("{name}，{gender}，{birthDate}出生，{appliedOn}递交入党申请书。入党介绍人：{introducers}。", {
      indent: true,
    }),
    p(
      "本支部有表决权的党员{expected}名，到会有表决权的党员{present}名（另有{written}名因故不能到会的党员提交了书面意见）。经无记名投票表决，赞成{votesFor}票，反对{votesAgainst}票，弃权{votesAbstain}票。",
      { indent: true },
    ),
    p("支部大会同意接收{name}同志为中共预备党员，报上级党委审批。", { indent: true }),
    p("党支部书记（签字）：　　　　　　　　（盖章）", { right: true }),
    p("{generatedOn}", { right: true }),
  ],
  full_membership_resolution: [
    title("支部大会决议"),
    p("（预备党员转正）", { center: true }),
    p("{voteOn}，中共{branchName}召开支部党员大会，讨论预备党员{name}同志的转正问题。", { indent: true }),
    p(
      "{name}，{gender}，{birthDate}出生，{admittedOn}经支部大会接收为预备党员，预备期至{probationEndsOn}。",
      { indent: true },
    ),
    p(
      "本支部有表决权的党员{expected}名，到会有表决权的党员{present}名（另有{written}名提交书面意见）。经无记名投票表决，赞成{votesFor}票，反对{votesAgainst}票，弃权{votesAbstain}票。",
      { indent: true },
    ),
    p("支部大会决定：{name}同志{outcome}，报上级党委审批。", { indent: true }),
    p("党支部书记（签字）：　　　　　　　　（盖章）", { right: true }),
    p("{generatedOn}", { right: true }),
  ],
  full_membership_publicity: [
    title("关于预备党员转正的公示"),
    p(
      "{name}同志，{gender}，{birthDate}出生，{admittedOn}被接收为中共预备党员，预备期至{probationEndsOn}。本人于{requestedOn}提出转正申请。",
      { indent: true },
    ),
    p("经党支部委员会研究，拟同意其按期转为中共正式党员，现予公示。公示期间如有意见，请向党支部反映。", {
      indent: true,
    }),
    p("中共{branchName}", { right: true }),
    p("{generatedOn}", { right: true }),
  ],
  meeting_minutes: [
    title("会议记录"),
    p("党支部：{branchName}"),
    p("会议类型：{kind}　　时间：{heldOn}　　时长：{hours} 学时"),
    p("主题：{topic}"),
    p("主讲人：{lecturer}"),
    p("应到{expected}人，实到{attended}人。出席：{attendees}"),
    p("缺席：{#absentees}{name}（{reason}）　{/absentees}"),
    p("会议内容：", { bold: true }),
    p("{minutes}", { indent: true }),
    p("记录人（签字）：　　　　　　主持人（签字）：", { right: true }),
    p("生成日期：{generatedOn}", { right: true }),
  ],
};

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const documentXml = (body) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join("")}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`;

// a fixed time, so the same source gives the same bytes
const mtime = new Date("2026-01-01T00:00:00Z");
const lines = [
  "// Generated by packages/platform/scripts/make-templates.mjs (the same files are in packages/platform/templates). Do not edit; regenerate.",
  "/** The shipped default template of each generated form, as base64 of its .docx bytes. */",
  "export const DEFAULT_TEMPLATES: Record<string, string> = {",
];
for (const [kind, body] of Object.entries(TEMPLATES)) {
  const bytes = zipSync(
    {
      "[Content_Types].xml": [strToU8(CONTENT_TYPES), { mtime }],
      "_rels/.rels": [strToU8(RELS), { mtime }],
      "word/document.xml": [strToU8(documentXml(body)), { mtime }],
    },
    { level: 9 },
  );
  writeFileSync(join(ROOT, "templates", `${kind}.docx`), bytes);
  lines.push(`  ${kind}: "${Buffer.from(bytes).toString("base64")}",`);
}
lines.push("};", "");
writeFileSync(join(ROOT, "src/documents/default-templates.ts"), lines.join("\n"));
console.log(`wrote ${Object.keys(TEMPLATES).length} templates`);
