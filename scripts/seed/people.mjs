// Realistic demo people for 赣榆区 (region code 320707): names, birth dates and valid ID numbers.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

export function idNumber(birthDate, seq) {
  const first17 = `320707${birthDate.replaceAll("-", "")}${String(seq % 1000).padStart(3, "0")}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return first17 + CHECK[sum % 11];
}

const SURNAMES =
  "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
const GIVEN = [
  "建国",
  "卫东",
  "红梅",
  "海燕",
  "志强",
  "秀英",
  "桂兰",
  "晓明",
  "丽娟",
  "国庆",
  "春华",
  "玉兰",
  "德华",
  "文杰",
  "静",
  "磊",
  "婷",
  "伟",
  "敏",
  "勇",
  "芳",
  "军",
  "洁",
  "涛",
  "娜",
  "超",
  "霞",
  "鹏",
  "琳",
  "浩然",
  "雨萱",
  "子轩",
  "思远",
  "梦琪",
  "宇航",
  "欣怡",
  "俊杰",
  "佳慧",
  "志刚",
  "淑珍",
];
const EDUCATION = ["研究生", "大学本科", "大学本科", "大学本科", "大学专科", "中专", "高中"];

/** A deterministic pseudo-random sequence, so every fresh stack gets the same people. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function person(rand, i, { status, today, minAge = 22, maxAge = 70 }) {
  const age = minAge + Math.floor(rand() * (maxAge - minAge));
  const year = Number(today.slice(0, 4)) - age;
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const birthDate = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const name = SURNAMES[Math.floor(rand() * SURNAMES.length)] + GIVEN[Math.floor(rand() * GIVEN.length)];
  const member = {
    name,
    gender: rand() < 0.55 ? "male" : "female",
    birthDate,
    status,
    idNumber: idNumber(birthDate, 100 + i),
    phone: `1${3 + Math.floor(rand() * 6)}${String(Math.floor(rand() * 1e9)).padStart(9, "0")}`,
    education: EDUCATION[Math.floor(rand() * EDUCATION.length)],
  };
  if (status === "full") {
    const joinAge = 22 + Math.floor(rand() * Math.max(1, Math.min(age - 24, 20)));
    member.joinedOn = `${year + joinAge}-07-01`;
  } else if (status === "probationary") {
    member.joinedOn = monthsBefore(today, 5);
  }
  return member;
}

/** The same day `n` months earlier (day clamped to 28 so every month has it). */
export function monthsBefore(date, n) {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 - n;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  return `${year}-${String(month + 1).padStart(2, "0")}-${String(Math.min(28, Number(date.slice(8, 10)))).padStart(2, "0")}`;
}
