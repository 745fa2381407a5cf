import { VanguardError } from "@vanguard/client";
import { describe, expect, it } from "vitest";
import { toProblem } from "../src/api/problem";

describe("a refusal as a page shows it", () => {
  it("puts each field's message next to its field and the rules in place", () => {
    const err = new VanguardError(422, {
      status: 422,
      code: "rule_violation",
      detail: "党员信息未通过校验",
      errors: [
        { path: "idNumber", message: "身份证号校验位不正确" },
        { path: "idNumber", message: "second message for the same field" },
        { rule: "introducers_not_full_members", message: "入党介绍人须为正式党员" },
        { path: "attendeeIds.2", message: "该党员不在本支部" },
      ],
    } as never);
    const p = toProblem(err, ["idNumber", "attendeeIds"]);
    expect(p.detail).toBe("党员信息未通过校验");
    expect(p.fields).toEqual({ idNumber: "身份证号校验位不正确", attendeeIds: "该党员不在本支部" });
    expect(p.rules.map((r) => r.message)).toEqual([
      "second message for the same field",
      "入党介绍人须为正式党员",
    ]);
  });

  it("keeps items for fields the form does not have among the rule messages", () => {
    const err = new VanguardError(400, {
      status: 400,
      detail: "请求无效",
      errors: [{ path: "version", message: "应为整数" }],
    } as never);
    const p = toProblem(err, ["name"]);
    expect(p.fields).toEqual({});
    expect(p.rules).toEqual([{ path: "version", message: "应为整数" }]);
  });

  it("says a lone rule that repeats the headline once", () => {
    const err = new VanguardError(422, {
      status: 422,
      detail: "密码至少 10 个字符",
      errors: [{ rule: "password_too_short", message: "密码至少 10 个字符" }],
    } as never);
    expect(toProblem(err, ["newPassword"]).rules).toEqual([]);
  });

  it("says the server could not be reached when there was no answer", () => {
    const p = toProblem(new TypeError("Failed to fetch"), [], "无法连接服务器");
    expect(p).toMatchObject({ status: 0, code: "network", detail: "无法连接服务器" });
  });
});
