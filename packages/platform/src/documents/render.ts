import { type DocumentKind, unknownPlaceholders } from "@vanguard/domain";
import Docxtemplater from "docxtemplater";
import InspectModule from "docxtemplater/js/inspect-module.js";
import PizZip from "pizzip";
import { invalid, ProblemError } from "../errors/problem";
import { evidenceType } from "../evidence/evidence-file";
import { DEFAULT_TEMPLATES } from "./default-templates";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A template's bytes as a zip docxtemplater can read; a broken zip is a 400 that says so. */
function open(bytes: Uint8Array): PizZip {
  try {
    return new PizZip(bytes);
  } catch {
    throw invalid("body", {
      zh: "模板不是有效的 .docx 文件（无法解压）",
      en: "The template is not a valid .docx (cannot unzip)",
    });
  }
}

function compile(zip: PizZip, modules: object[] = []): Docxtemplater {
  try {
    return new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      modules,
      nullGetter: () => "",
      errorLogging: false,
    });
  } catch (err) {
    const errors = (err as { properties?: { errors?: { properties?: { explanation?: string } }[] } })
      .properties?.errors;
    const why =
      errors
        ?.map((e) => e.properties?.explanation)
        .filter(Boolean)
        .join("; ") || String(err);
    throw invalid("body", {
      zh: `模板的占位符格式有误：${why}`,
      en: `The template's placeholders are malformed: ${why}`,
    });
  }
}

function flatten(tags: Record<string, unknown>, out: string[] = []): string[] {
  for (const [k, v] of Object.entries(tags)) {
    out.push(k);
    if (v && typeof v === "object") flatten(v as Record<string, unknown>, out);
  }
  return out;
}

/** Every placeholder a template uses, loops and what they hold included. */
export function templatePlaceholders(bytes: Uint8Array): string[] {
  const inspect = new InspectModule();
  compile(open(bytes), [inspect]);
  return flatten(inspect.getAllTags());
}

/**
 * Checks a district's template before it is stored: a Word document (by its bytes), that unzips,
 * whose placeholders are well formed and all known to the form's kind.
 */
export function checkTemplate(kind: DocumentKind, bytes: Uint8Array): string[] {
  if (bytes.byteLength === 0 || evidenceType(bytes) !== "docx") {
    throw new ProblemError("unsupported_media_type", {
      zh: "模板须为 Word 文档（.docx）",
      en: "A template must be a Word document (.docx)",
    });
  }
  const used = templatePlaceholders(bytes);
  const unknown = unknownPlaceholders(kind, used);
  if (unknown.length) {
    throw new ProblemError(
      "rule_violation",
      {
        zh: `模板含有未知的占位符：${unknown.map((u) => `{${u}}`).join("、")}`,
        en: `The template uses unknown placeholders: ${unknown.map((u) => `{${u}}`).join(", ")}`,
      },
      [
        {
          rule: "template_unknown_placeholder",
          message: { zh: "未知的占位符", en: "Unknown placeholders" },
          facts: { unknown },
        },
      ],
    );
  }
  return used;
}

export function defaultTemplate(kind: DocumentKind): Uint8Array<ArrayBuffer> {
  const b64 = DEFAULT_TEMPLATES[kind];
  if (!b64) throw new Error(`no default template for ${kind}`);
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/** The form filled in: every placeholder replaced (a missing value prints empty, never "undefined"). */
export function renderDocx(template: Uint8Array, data: Record<string, unknown>): Uint8Array<ArrayBuffer> {
  const doc = compile(open(template));
  doc.render(data);
  return doc.getZip().generate({ type: "uint8array", compression: "DEFLATE" }) as Uint8Array<ArrayBuffer>;
}
