import { describe, expect, it } from "vitest";
import { Name, Prose, Text } from "./schemas";

describe("free text", () => {
  it.each([
    ["a lone high surrogate", "会议\uD800纪要"],
    ["a lone low surrogate", "\uDC00会议纪要"],
    ["a low surrogate before a high one", "纪要\uDC00\uD800"],
    ["a high surrogate at the end", "纪要\uD83D"],
  ])("refuses %s, which storage would corrupt", (_, text) => {
    for (const schema of [Text(100), Prose(100), Name(100)]) {
      const r = schema.safeParse(text);
      expect(r.success).toBe(false);
      expect(JSON.stringify(r.error?.issues)).toContain("UTF-16");
    }
  });

  it("keeps characters outside the BMP written as surrogate pairs", () => {
    expect(Prose(100).parse("学习强国 👍 𠮷野家")).toBe("学习强国 👍 𠮷野家");
    expect(Name(20).parse("𠮷田")).toBe("𠮷田");
  });
});
