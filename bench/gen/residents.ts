/**
 * A deterministic generator of plausible residents (valid 身份证号, realistic surname
 * frequencies, phones, addresses, key-service tags), shared by the search benches.
 */
import type { ResidentFields } from '../../main/services/residents-store';
import { checkCharOf } from '../../common/idcard';
import { stationDate } from '../../common/time';
import type { KeyTag, TagEntry } from '../../common/contracts/residents';

/** mulberry32: the same million people on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Surnames with rough shares (per mille) from the 2020 census; the tail shares the rest. */
const SURNAMES: [string, number][] = [
  ['王', 71], ['李', 70], ['张', 67], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 22], ['赵', 20], ['吴', 20], ['周', 19],
  ['徐', 15], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 12], ['郭', 11], ['何', 11], ['高', 11], ['林', 10], ['罗', 9],
  ['郑', 9], ['梁', 9], ['谢', 8], ['宋', 8], ['唐', 7], ['许', 7], ['韩', 7], ['冯', 7], ['邓', 7], ['曹', 6],
  ['彭', 6], ['曾', 6], ['肖', 6], ['田', 5], ['董', 5], ['袁', 5], ['潘', 5], ['于', 5], ['蒋', 5], ['蔡', 5],
  ['余', 5], ['杜', 5], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4], ['任', 4], ['沈', 4],
  ['姚', 4], ['卢', 4], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3],
  ['石', 3], ['廖', 3], ['贾', 3], ['夏', 3], ['韦', 3], ['付', 3], ['方', 3], ['白', 3], ['邹', 3], ['孟', 3],
  ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 2], ['侯', 2],
  ['龙', 2], ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2],
  ['万', 1], ['钱', 1], ['严', 1], ['覃', 1], ['武', 1], ['戴', 1], ['莫', 1], ['孔', 1], ['向', 1], ['汤', 1],
  ['单', 1], ['欧阳', 1], ['司马', 1], ['诸葛', 1],
];
const MALE = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建国志文东海峰亮成新春永庆德福生祥荣宝金山振兴家晨博';
const FEMALE = '芳娜敏静丽艳娟霞秀英玲桂兰燕萍红梅琳婷雪慧颖琴云洁晶倩欣怡佳悦丹凤淑珍翠秋月莉玉彤萱琪雅诗涵梓';
const REGIONS = ['130102', '130104', '130105', '130107', '130108', '130109', '130110', '130111', '130121', '130123', '130125', '130126', '130127', '130128', '130129', '130130', '130131', '130132', '130133', '130181', '130183', '130184', '110105', '120101', '370102', '410102'];
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '166', '173', '177', '180', '181', '182', '185', '186', '187', '188', '189', '199'];
const ROADS = ['中山东路', '建设北大街', '裕华路', '谈固南大街', '槐安路', '体育大街', '和平路', '胜利街', '翟营大街', '育才街'];

export function generator(seed: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const total = SURNAMES.reduce((n, [, w]) => n + w, 0);
  const cumulative: [string, number][] = [];
  let acc = 0;
  for (const [s, w] of SURNAMES) cumulative.push([s, (acc += w) / total]);
  const surname = () => {
    const x = r();
    return cumulative.find(([, c]) => x < c)?.[0] ?? '王';
  };
  const digits = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
    return s;
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const taken = new Set<string>();
  const today = stationDate(new Date());

  return function next(): { fields: ResidentFields; tags: TagEntry[] } {
    const male = r() < 0.5;
    const chars = male ? MALE : FEMALE;
    const name = surname() + pick([...chars]) + (r() < 0.7 ? pick([...chars]) : '');
    let year: number;
    let birth: string;
    let idNumber: string;
    do {
      // ages 0–99, thinner at the old end
      year = 2026 - Math.floor(Math.pow(r(), 1.15) * 100);
      const month = 1 + Math.floor(r() * 12);
      const day = 1 + Math.floor(r() * 28);
      birth = `${year}-${pad(month)}-${pad(day)}`;
      const seq = digits(2) + String(Math.floor(r() * 5) * 2 + (male ? 1 : 0));
      const first17 = `${pick(REGIONS)}${year}${pad(month)}${pad(day)}${seq}`;
      idNumber = first17 + checkCharOf(first17);
    } while (taken.has(idNumber) || birth > today);
    const age = 2026 - year;
    taken.add(idNumber);
    const p = r();
    const phone = p < 0.85 ? pick(MOBILE_PREFIXES) + digits(8) : p < 0.9 ? `0311-8${digits(7)}` : null;
    const tags: TagEntry[] = [];
    if (r() < 0.09) {
      const pool: readonly KeyTag[] = age >= 60 ? ['空巢老人', '独居老人', '低保', '残疾人', '特困', '优抚对象', '重病'] : age < 16 ? ['留守儿童', '残疾人', '低保'] : ['低保', '残疾人', '重病', '优抚对象'];
      const n = r() < 0.8 ? 1 : 2;
      for (let i = 0; i < n; i++) {
        const tag = pick(pool);
        if (!tags.some((t) => t.tag === tag)) tags.push({ tag, since: `${Math.max(year, 2015) + Math.floor(r() * 3)}-${pad(1 + Math.floor(r() * 12))}-01` });
      }
    }
    return {
      fields: {
        name,
        idNumber,
        sex: male ? 'male' : 'female',
        birthDate: birth,
        phone,
        address: `建北街道${pick(ROADS)} ${1 + Math.floor(r() * 200)} 号 ${1 + Math.floor(r() * 6)}-${1 + Math.floor(r() * 4)}-${1 + Math.floor(r() * 18)}0${1 + Math.floor(r() * 4)}`,
        grid: `第${1 + Math.floor(r() * 30)}网格`,
        householdHeadId: null,
        relation: null,
        notes: '',
        pinyinManual: null,
      },
      tags: tags.filter((t) => t.since <= today && t.since >= birth),
    };
  };
}
