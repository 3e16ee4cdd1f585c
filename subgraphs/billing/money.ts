/** 12345 fen -> "123.45": what a rep reads out; negative stays negative ("-128.00"). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Operators this subgraph bills for, by organization code (docs/STORY_DATA.md). */
export const PROVIDER_NAMES: Record<string, string> = {
  unicom: "中国联通 Wuhan (China Unicom)",
  jiangcheng: "江城有线 Jiangcheng Cable TV",
};
