/**
 * The step forms are drawn from the served OpenAPI document: each step's `data` schema (the
 * `DevelopmentStepInput` variant whose `step` is that code) becomes a list of fields, so a new field
 * or value in the API shows up in the form without a change here. Only the widgets are chosen here.
 */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  description?: string;
  example?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  $ref?: string;
}

export type StepField =
  | { kind: "people"; name: string; required: boolean; min: number; max: number }
  | { kind: "choices"; name: string; required: boolean; values: string[]; max: number }
  | { kind: "choice"; name: string; required: boolean; values: string[] }
  | {
      kind: "number";
      name: string;
      required: boolean;
      integer: boolean;
      min?: number;
      max?: number;
      step: number;
      initial: number | undefined;
    }
  | { kind: "date"; name: string; required: boolean }
  | { kind: "dateRange"; name: string; required: boolean }
  | { kind: "vote"; name: "vote"; required: true }
  | { kind: "text"; name: string; required: boolean; maxLength?: number };

/** The tally of a general assembly: drawn together as one widget (应到/实到/赞成/反对/弃权). */
export const VOTE_KEYS = ["expected", "present", "for", "against", "abstain", "writtenOpinions"] as const;

const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type);

/** A member of the roll: the API's member references are ids like `mb_…`. */
const isMemberRef = (s: JsonSchema | undefined) =>
  !!s && typeOf(s) === "string" && typeof s.example === "string" && s.example.startsWith("mb_");

function field(name: string, s: JsonSchema, required: boolean): StepField {
  const type = typeOf(s);
  if (type === "array" && isMemberRef(s.items))
    return { kind: "people", name, required, min: s.minItems ?? 0, max: s.maxItems ?? 10 };
  if (type === "array" && s.items?.enum)
    return {
      kind: "choices",
      name,
      required,
      values: s.items.enum.map(String),
      max: s.maxItems ?? s.items.enum.length,
    };
  if (s.enum) return { kind: "choice", name, required, values: s.enum.map(String) };
  if (type === "integer" || type === "number")
    return {
      kind: "number",
      name,
      required,
      integer: type === "integer",
      min: s.minimum,
      max: s.maximum,
      step: s.multipleOf ?? 1,
      initial: typeof s.default === "number" ? s.default : undefined,
    };
  if (type === "string" && s.format === "date") return { kind: "date", name, required };
  const props = s.properties ?? {};
  if (type === "object" && props.from?.format === "date" && props.to?.format === "date")
    return { kind: "dateRange", name, required };
  return { kind: "text", name, required, maxLength: s.maxLength };
}

/** The fields of a step's `data`, in the schema's order; a vote's tally is one field. */
export function stepFields(data: JsonSchema | undefined): StepField[] {
  const props = data?.properties ?? {};
  const required = new Set(data?.required ?? []);
  const isVote = VOTE_KEYS.slice(0, 5).every((k) => k in props);
  const out: StepField[] = isVote ? [{ kind: "vote", name: "vote", required: true }] : [];
  for (const [name, s] of Object.entries(props)) {
    if (isVote && (VOTE_KEYS as readonly string[]).includes(name)) continue;
    out.push(field(name, s, required.has(name)));
  }
  return out;
}

/** The `data` schema of one step in a served OpenAPI document (null when the step is unknown). */
export function stepDataSchema(spec: unknown, step: string): JsonSchema | null {
  const schemas = (spec as { components?: { schemas?: Record<string, JsonSchema> } }).components?.schemas;
  const input = schemas?.DevelopmentStepInput;
  // each variant is a named schema (so the spec's discriminator can select it), reached by $ref
  const variants = (input?.oneOf ?? input?.anyOf ?? []).map((v) =>
    v.$ref ? (schemas?.[v.$ref.split("/").pop()!] ?? {}) : v,
  );
  const variant = variants.find((v) => v.properties?.step?.enum?.[0] === step);
  return variant?.properties?.data ?? null;
}

/** A field's first value: what the form starts from before anyone types. */
export function initialValue(f: StepField): unknown {
  switch (f.kind) {
    case "people":
    case "choices":
      return [];
    case "number":
      return f.initial;
    case "dateRange":
      return { from: "", to: "" };
    case "vote":
      return undefined;
    default:
      return "";
  }
}
