import { type AccountHolder, type DataPlane, getAccount } from "@vanguard/db";
/**
 * The account's version as the write sees it: every change to an account extends its district's
 * chain, so a plan that reads it after the chain's head cannot miss one (a later one makes the
 * batch fail on the chain and the plan run again).
 */
export async function versionNow(plane: DataPlane, holder: AccountHolder): Promise<number> {
  return (await getAccount(plane, holder.account.id))?.account.version ?? holder.account.version;
}
