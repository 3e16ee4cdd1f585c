import type { ProductsTable, StoresTable } from "../db/tables";

/** Stores and products the story data and the synthetic customers share. */
export const STORES: StoresTable[] = [
  {
    id: "ST-NJ-XJK",
    name: "优购南京新街口店",
    name_latin: "Yougou Nanjing Xinjiekou Store",
    address: "南京市秦淮区中山南路8号新街口百货3楼",
    address_latin: "3F Xinjiekou Department Store, 8 Zhongshan South Road, Qinhuai District, Nanjing",
    city: "Nanjing",
    phone: "025-8468-7700",
    hours: "10:00-22:00 daily",
  },
  {
    id: "ST-WH-JHL",
    name: "优购武汉江汉路店",
    name_latin: "Yougou Wuhan Jianghan Road Store",
    address: "武汉市江汉区江汉路118号",
    address_latin: "118 Jianghan Road, Jianghan District, Wuhan",
    city: "Wuhan",
    phone: "027-8577-3300",
    hours: "10:00-21:30 daily",
  },
  {
    id: "ST-SH-NJX",
    name: "优购上海南京西路店",
    name_latin: "Yougou Shanghai West Nanjing Road Store",
    address: "上海市静安区南京西路1266号2楼",
    address_latin: "2F, 1266 West Nanjing Road, Jing'an District, Shanghai",
    city: "Shanghai",
    phone: "021-6288-1900",
    hours: "10:00-22:00 daily",
  },
];

export interface CatalogProduct extends ProductsTable {
  priceFen: number;
  /** Serial prefix for units we record serials of (appliances, computers). */
  serialPrefix: string | null;
}

export const PRODUCTS: CatalogProduct[] = [
  { sku: "AL-EH60", name: "奥澜 AL-EH60 60升储水式电热水器", name_latin: "Aolan AL-EH60 60 L storage water heater", model: "AL-EH60", brand: "aolan", priceFen: 129900, serialPrefix: "AL-EH60-" },
  { sku: "AL-EH80", name: "奥澜 AL-EH80 80升储水式电热水器", name_latin: "Aolan AL-EH80 80 L storage water heater", model: "AL-EH80", brand: "aolan", priceFen: 159900, serialPrefix: "AL-EH80-" },
  { sku: "LNV-M70Q", name: "联想 ThinkCentre M70q 商用台式机", name_latin: "Lenovo ThinkCentre M70q business desktop", model: "ThinkCentre M70q", brand: "lenovo", priceFen: 459900, serialPrefix: "LNV-MJ" },
  { sku: "LNV-X1C", name: "联想 ThinkPad X1 Carbon 第11代 笔记本电脑", name_latin: "Lenovo ThinkPad X1 Carbon Gen 11 laptop", model: "ThinkPad X1 Carbon Gen 11", brand: "lenovo", priceFen: 989900, serialPrefix: "LNV-PF" },
  { sku: "HW-MBE-ARM", name: "华为 MateBook E（ARM版）二合一笔记本", name_latin: "Huawei MateBook E (ARM) 2-in-1 laptop", model: "MateBook E (ARM)", brand: "huawei", priceFen: 399900, serialPrefix: "HW-MBE-" },
  { sku: "HW-MB13", name: "华为 MateBook 13 笔记本电脑", name_latin: "Huawei MateBook 13 laptop", model: "MateBook 13", brand: "huawei", priceFen: 529900, serialPrefix: "HW-MB13-" },
  { sku: "HW-P60", name: "华为 P60 手机", name_latin: "Huawei P60 phone", model: "P60", brand: "huawei", priceFen: 498800, serialPrefix: "HW-P60-" },
  { sku: "XH-55U8", name: "星海 55英寸 4K 智能电视", name_latin: "Xinghai 55-inch 4K smart TV", model: "XH-55U8", brand: "xinghai", priceFen: 329900, serialPrefix: "XH-55U8-" },
  { sku: "YG-USBC-2M", name: "优购精选 USB-C 数据线 2米", name_latin: "Yougou Select USB-C cable, 2 m", model: "YG-USBC-2M", brand: "yougou", priceFen: 3900, serialPrefix: null },
  { sku: "YG-SURGE-6", name: "优购精选 六位防雷插线板", name_latin: "Yougou Select 6-socket surge protector", model: "YG-SURGE-6", brand: "yougou", priceFen: 8900, serialPrefix: null },
];

export function productRows(): ProductsTable[] {
  return PRODUCTS.map(({ priceFen: _price, serialPrefix: _prefix, ...row }) => row);
}

export function priceOf(sku: string): number {
  const product = PRODUCTS.find((p) => p.sku === sku);
  if (!product) throw new Error(`no product ${sku} in the catalogue`);
  return product.priceFen;
}
