import { failure, type RuleFailure } from "../rules/rule";

/**
 * 书记述职述廉: the secretary reports on the year's party work (述职) and on integrity (述廉),
 * then the district rates the report (好/较好/一般/差).
 */
export const SECRETARY_REPORT_RATINGS = ["good", "fairly_good", "average", "poor"] as const;
export type SecretaryReportRating = (typeof SECRETARY_REPORT_RATINGS)[number];

export const SECRETARY_REPORT_STATUSES = ["submitted", "reviewed"] as const;
export type SecretaryReportStatus = (typeof SECRETARY_REPORT_STATUSES)[number];

/** A year's report is delivered during that year or before the next year's first quarter ends. */
export function checkSecretaryReport(f: {
  year: number;
  deliveredOn: string;
  today: string;
  reporterPosts: string[];
}): RuleFailure[] {
  const out: RuleFailure[] = [];
  if (!f.reporterPosts.includes("secretary")) {
    out.push(
      failure(
        "secretary_report_not_secretary",
        { zh: "述职述廉报告应由支部书记作出", en: "The branch secretary delivers this report" },
        { posts: f.reporterPosts },
      ),
    );
  }
  if (f.deliveredOn > f.today) {
    out.push(
      failure(
        "secretary_report_in_future",
        { zh: "述职日期不能晚于今天", en: "The report date is in the future" },
        { deliveredOn: f.deliveredOn, today: f.today },
      ),
    );
  } else if (f.deliveredOn < `${f.year}-01-01` || f.deliveredOn >= `${f.year + 1}-04-01`) {
    out.push(
      failure(
        "secretary_report_out_of_season",
        {
          zh: `${f.year} 年度的述职应在当年或次年第一季度内进行`,
          en: `The ${f.year} report is delivered that year or in the first quarter after it`,
        },
        { year: f.year, deliveredOn: f.deliveredOn },
      ),
    );
  }
  return out;
}

export function checkReportReviewable(status: SecretaryReportStatus): RuleFailure[] {
  return status === "reviewed"
    ? [
        failure(
          "secretary_report_reviewed",
          { zh: "该述职报告已评议", en: "This report was already rated" },
          { status },
        ),
      ]
    : [];
}
