import { seededRandom, type SyntheticPerson } from "../../subgraphs/kit";

const SURNAMES = [["王", "Wang"], ["李", "Li"], ["张", "Zhang"], ["刘", "Liu"], ["陈", "Chen"], ["杨", "Yang"], ["黄", "Huang"], ["赵", "Zhao"], ["吴", "Wu"], ["周", "Zhou"]];
const GIVEN = [["伟", "Wei"], ["芳", "Fang"], ["娜", "Na"], ["敏", "Min"], ["静", "Jing"], ["磊", "Lei"], ["强", "Qiang"], ["洋", "Yang"], ["艳", "Yan"], ["杰", "Jie"], ["涛", "Tao"], ["明", "Ming"]];
const CITIES = ["武汉", "南京", "上海", "北京", "广州", "成都", "杭州", "西安"];

/** The index-th synthetic person: ids that cannot collide with the story data. */
export function syntheticPerson(index: number, eventsPerSource: number): SyntheticPerson {
  const random = seededRandom(index + 1);
  const [surname, surnameLatin] = SURNAMES[Math.floor(random() * SURNAMES.length)];
  const [given, givenLatin] = GIVEN[Math.floor(random() * GIVEN.length)];
  const n = String(index).padStart(7, "0");
  return {
    index,
    customerId: `C-${n}`,
    name: `${surname}${given}`,
    nameLatin: `${givenLatin} ${surnameLatin}`,
    phone: `170${String(index).padStart(8, "0")}`,
    email: `customer${n}@example.cn`,
    city: CITIES[Math.floor(random() * CITIES.length)],
    ids: { orders: `RC-S${n}`, aftersales: `MR-S${n}`, billing: `BA-S${n}`, security: `u-s${n}` },
    eventsPerSource,
  };
}
