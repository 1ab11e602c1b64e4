import type { RuleCases } from '../rule-tester.js';

const KAIFENG = '开封市卫生健康委员会\n2021年全市卫生健康工作要点\n一、深化改革\n';

// no fix: which place was meant is the author's to say
export default {
  valid: [
    '组织医务人员赴湖南省张家界市开展业务培训。',
    KAIFENG + '全面推进兰考县医共体建设。',
    { name: 'another province named as such', text: KAIFENG + '与安徽省濉溪县开展对口协作。' },
    { name: 'the region unknown', text: '2021年卫生健康工作要点\n一、深化改革\n全面推进濉溪县医共体建设。' },
  ],
  invalid: [
    {
      name: 'a city under the wrong province',
      text: '组织医务人员赴湖北省张家界市开展业务培训。',
      findings: [{ line: 1, column: 8, covers: '湖北省张家界市', message: '张家界市' }],
      output: null,
    },
    {
      name: 'a county under the wrong city',
      text: '开封市濉溪县',
      findings: [{ line: 1, column: 1, covers: '开封市濉溪县' }],
      output: null,
    },
    {
      name: 'a county outside the issuer’s city',
      text: KAIFENG + '全面推进濉溪县医共体建设。',
      findings: [{ line: 4, column: 5, covers: '濉溪县', message: '安徽省' }],
      output: null,
    },
    {
      name: 'the region from front matter',
      text: '---\nregion: 福建省龙岩市\n---\n一、整治隐患\n由赣州市城管局负责拆除，漳平市配合。',
      findings: [{ line: 5, column: 2, covers: '赣州市' }],
      output: null,
    },
  ],
} satisfies RuleCases;
