import { describe, expect, it } from "vitest";
import { birthDateFromIdNumber, checkCharacter, isValidIdNumber, maskIdNumber, maskPhone } from "./id-number";

describe("resident identity numbers", () => {
  it("accepts numbers whose check character matches", () => {
    // The standard's own worked example.
    expect(checkCharacter("11010519491231002")).toBe("X");
    expect(isValidIdNumber("11010519491231002X")).toBe(true);
    expect(isValidIdNumber("11010519491231002x")).toBe(true);
  });

  it("rejects a wrong check character, a bad date and a wrong length", () => {
    expect(isValidIdNumber("110105194912310021")).toBe(false);
    expect(isValidIdNumber("110105194902300028")).toBe(false);
    expect(isValidIdNumber("1101051949123100")).toBe(false);
  });

  it("reads the birth date and masks all but the edges", () => {
    expect(birthDateFromIdNumber("11010519491231002X")).toBe("1949-12-31");
    expect(maskIdNumber("11010519491231002X")).toBe("**************002X");
    expect(maskPhone("13812345678")).toBe("138****5678");
  });
});
