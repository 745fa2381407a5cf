import { failure, type RuleFailure } from "../rules/rule";

/**
 * The password rule: at least 10 characters (a length anyone can remember as a phrase, and well
 * beyond what an online guesser gets through under the lockout), at most 256 (the slow hash runs
 * over every byte, so a 10 KB password must not reach it), no control characters, not the login
 * itself, and not the password it replaces.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

function hasControl(s: string): boolean {
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Characters as a person counts them (a Chinese character is one, not two UTF-16 units). */
export function passwordLength(password: string): number {
  return [...password].length;
}

export function checkPassword(password: string, ctx: { login: string; current?: string }): RuleFailure[] {
  const out: RuleFailure[] = [];
  const length = passwordLength(password);
  if (length < PASSWORD_MIN) {
    out.push(
      failure(
        "password_too_short",
        { zh: `密码至少 ${PASSWORD_MIN} 个字符`, en: `A password has at least ${PASSWORD_MIN} characters` },
        { min: PASSWORD_MIN, length },
      ),
    );
  }
  if (length > PASSWORD_MAX) {
    out.push(
      failure(
        "password_too_long",
        { zh: `密码最多 ${PASSWORD_MAX} 个字符`, en: `A password has at most ${PASSWORD_MAX} characters` },
        { max: PASSWORD_MAX, length },
      ),
    );
  }
  if (hasControl(password)) {
    out.push(
      failure("password_control_characters", {
        zh: "密码不能包含控制字符",
        en: "A password must not contain control characters",
      }),
    );
  }
  if (password.toLowerCase() === ctx.login.toLowerCase()) {
    out.push(
      failure("password_is_login", { zh: "密码不能与账号相同", en: "A password must differ from the login" }),
    );
  }
  if (ctx.current !== undefined && password === ctx.current) {
    out.push(
      failure("password_unchanged", {
        zh: "新密码不能与当前密码相同",
        en: "The new password must differ from the current one",
      }),
    );
  }
  return out;
}
