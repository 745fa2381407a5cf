export interface DemoTemplateItem {
  code: string;
  title: string;
  maxScore: number;
  ownerPost: string;
}

export const DEFAULT_TEMPLATE: { name: string; items: DemoTemplateItem[] };

export function seedEvaluations(api: unknown, demo: unknown, opts: { today: string }): Promise<void>;
