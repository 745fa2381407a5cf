import type { Message } from "../rules/rule";

/**
 * The kinds of paper a branch keeps as evidence (docs/domain.md §Evidence). An attachment names one,
 * so a rule set can say which a step requires and a report can count what is missing.
 */
export const EVIDENCE_DOCUMENTS = {
  application_letter: { zh: "入党申请书", en: "application letter" },
  talk_record: { zh: "谈话记录", en: "talk record" },
  recommendation: { zh: "推荐材料", en: "recommendation" },
  cultivation_record: { zh: "培养考察材料", en: "cultivation record" },
  political_review: { zh: "政治审查材料", en: "political review report" },
  training_certificate: { zh: "培训结业证明", en: "training certificate" },
  publicity_notice: { zh: "公示材料", en: "publicity notice" },
  membership_form: { zh: "入党志愿书", en: "membership application form" },
  resolution: { zh: "支部大会决议", en: "assembly resolution" },
  approval: { zh: "审批意见", en: "approval" },
  full_membership_request: { zh: "转正申请书", en: "request for full membership" },
  sign_in_sheet: { zh: "签到表", en: "sign-in sheet" },
  minutes: { zh: "会议记录", en: "minutes" },
  photo: { zh: "照片", en: "photo" },
  other: { zh: "其他材料", en: "other document" },
} as const satisfies Record<string, Message>;

export type EvidenceDocument = keyof typeof EVIDENCE_DOCUMENTS;

export const EVIDENCE_DOCUMENT_CODES = Object.keys(EVIDENCE_DOCUMENTS) as [
  EvidenceDocument,
  ...EvidenceDocument[],
];

export function isEvidenceDocument(code: string): code is EvidenceDocument {
  return Object.hasOwn(EVIDENCE_DOCUMENTS, code);
}

/** The records an attachment can belong to. Each is read and written by the module that owns it. */
export const ATTACHMENT_TARGETS = [
  "development_step",
  "meeting",
  "record",
  "inspection_item",
  "duty_task",
] as const;

export type AttachmentTarget = (typeof ATTACHMENT_TARGETS)[number];
