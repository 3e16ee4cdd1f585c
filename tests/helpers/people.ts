/**
 * The named people who call the gateway in the story and workflow tests, one entry a person:
 * the same rep is the same caller (subject, name) in every suite that casts them.
 */
import type { CallerClaims } from "./graphHarness";

export const PEOPLE = {
  yougouRep: { role: "rep", org: "yougou", sub: "rep-yougou-chen", name: "陈晓 Chen Xiao (Yougou service desk)" },
  aolanRep: { role: "rep", org: "aolan", sub: "rep-aolan-liu", name: "刘芳 Liu Fang (Aolan dispatch)" },
  unicomRep: { role: "rep", org: "unicom", sub: "rep-unicom-li", name: "李强 Li Qiang (Unicom Wuhan)" },
  platformRep: { role: "rep", org: "platform", sub: "rep-platform-he", name: "何静 He Jing (account platform)" },
  platformRep2: { role: "rep", org: "platform", sub: "rep-platform-sun", name: "孙涛 Sun Tao (account platform)" },
  jiangchengRep: { role: "rep", org: "jiangcheng", sub: "rep-jiangcheng-wu", name: "吴倩 Wu Qian (Jiangcheng hotline)" },
  hengtongRep: { role: "rep", org: "hengtong", sub: "rep-hengtong-wang", name: "王珊 Wang Shan (Hengtong after-sales)" },
  lenovoRep: { role: "rep", org: "lenovo", sub: "rep-lenovo-zheng", name: "郑婷 Zheng Ting (Lenovo service)" },
  huaweiL1: { role: "rep", org: "huawei", sub: "rep-huawei-zhang", name: "张敏 Zhang Min (Huawei L1)" },
  huaweiL2: { role: "rep", org: "huawei", sub: "rep-huawei-chen", name: "陈静怡 Chen Jingyi (Huawei L2)" },
  unicomPartner: { role: "partner", org: "unicom", sub: "partner-unicom", name: "Unicom partner desk" },
  aolanPartner: { role: "partner", org: "aolan", sub: "partner-aolan", name: "奥澜售后 Aolan after-sales" },
  huaweiPartner: { role: "partner", org: "huawei", sub: "partner-huawei", name: "Huawei partner desk" },
  kuaixiuPartner: { role: "partner", org: "kuaixiu", sub: "partner-kuaixiu", name: "快修到家 Kuaixiu dispatch" },
  supervisor: { role: "supervisor", org: "platform", sub: "sup-platform", name: "Platform supervisor" },
  supervisorWu: { role: "supervisor", org: "platform", sub: "sup-wu", name: "吴主管 Supervisor Wu" },
  analyst: { role: "analyst", org: "platform", sub: "analyst-platform", name: "Analyst" },
  analystGu: { role: "analyst", org: "platform", sub: "analyst-gu", name: "顾分析 Analyst Gu" },
} satisfies Record<string, CallerClaims>;
