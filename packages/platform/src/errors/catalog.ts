import type { Message } from "@vanguard/domain";

/** Every problem the platform answers with: a stable code, a status and a title in both languages. */
export const PROBLEMS = {
  malformed_json: {
    status: 400,
    title: { zh: "请求体不是有效的 JSON", en: "The request body is not valid JSON" },
  },
  invalid_request: { status: 400, title: { zh: "请求参数无效", en: "The request is invalid" } },
  unauthorized: {
    status: 401,
    title: { zh: "缺少或无效的 API 密钥或登录状态", en: "A valid API key or sign-in is required" },
  },
  invalid_credentials: { status: 401, title: { zh: "账号或密码错误", en: "Wrong login or password" } },
  csrf: {
    status: 403,
    title: {
      zh: "请求来源与本站不符，已拒绝（跨站请求）",
      en: "The request did not come from this site (cross-site request refused)",
    },
  },
  password_change_required: {
    status: 403,
    title: { zh: "请先修改初始密码", en: "Change your one-time password first" },
  },
  forbidden: { status: 403, title: { zh: "当前角色无权执行此操作", en: "Your role may not do this" } },
  internal_only: { status: 403, title: { zh: "仅限内部调用", en: "Internal calls only" } },
  not_found: { status: 404, title: { zh: "资源不存在", en: "Not found" } },
  method_not_allowed: {
    status: 405,
    title: { zh: "该地址不支持此请求方法", en: "This address does not take that method" },
  },
  conflict: { status: 409, title: { zh: "与现有数据冲突", en: "Conflicts with existing data" } },
  version_conflict: {
    status: 409,
    title: {
      zh: "记录已被他人修改，请刷新后重试",
      en: "The record changed since you read it; reload and retry",
    },
  },
  payload_too_large: { status: 413, title: { zh: "请求体过大", en: "The request body is too large" } },
  unsupported_media_type: { status: 415, title: { zh: "不支持的内容类型", en: "Unsupported content type" } },
  rule_violation: { status: 422, title: { zh: "不符合业务规则", en: "A rule does not allow this" } },
  idempotency_key_reused: {
    status: 422,
    title: {
      zh: "该 Idempotency-Key 已用于另一个请求",
      en: "This Idempotency-Key was used for a different request",
    },
  },
  rate_limited: { status: 429, title: { zh: "请求过于频繁", en: "Too many requests" } },
  account_locked: {
    status: 429,
    title: {
      zh: "登录失败次数过多，账号已暂时锁定",
      en: "Too many failed sign-ins; the account is locked for a while",
    },
  },
  internal: { status: 500, title: { zh: "服务器内部错误", en: "Internal server error" } },
  misconfigured: {
    status: 500,
    title: { zh: "服务配置有误，暂停服务", en: "The service is misconfigured and refuses requests" },
  },
  unavailable: { status: 503, title: { zh: "服务繁忙，请稍后重试", en: "Busy; retry shortly" } },
} as const satisfies Record<string, { status: number; title: Message }>;

export type ProblemCode = keyof typeof PROBLEMS;
