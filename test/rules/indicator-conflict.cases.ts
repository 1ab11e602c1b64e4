import type { RuleCases } from '../rule-tester.js';

export default {
  valid: [
    '（一）……县域就诊率达到 90%。\n……\n（五）……巩固县域就诊率 90% 的成果。',
    // a total in the goals before the tasks and a smaller part of it inside one task: the whole and a
    // part (counts and amounts add up over the tasks), not two targets for one thing
    '主要目标：全年新建公办幼儿园3所，新增学位2400个，培训教师500人次。\n一、扩大学前教育资源\n（一）实施城区扩容工程\n1.新建城东幼儿园，新增学位540个。\n二、加强教师队伍建设\n（一）开展乡村教师专项培训，培训教师120人次。',
    // the total of a part and the share of one of its tasks
    '一、改善农村人居环境，全年完成户厕改造1200户。\n（一）推进整村改厕\n在5个示范村完成户厕改造300户。',
    // the average growth per year over the five-year period and this year's growth: two indicators
    '一、发展目标\n今后五年，全县地区生产总值年均增长6%以上。\n二、今年目标\n今年全县地区生产总值增长6.5%左右。',
  ],
  invalid: [
    {
      text: '（一）……县域就诊率达到 90%。\n……\n（五）……县域就诊率达到 85%。',
      findings: [{ line: 3, column: 4, covers: '……县域就诊率达到 85%' }],
      output: null,
    },
    {
      // a part larger than the whole it belongs to is a conflict
      text: '主要目标：全年新增学位2400个。\n一、扩大学前教育资源\n（一）实施城区扩容工程，新增学位3000个。',
      findings: [{ line: 3, column: 13, covers: '新增学位3000个' }],
      output: null,
    },
    {
      // a rate is not a sum of parts: the same rate stated twice differently is a conflict
      text: '主要目标：课后服务参与率达到95%。\n一、深化“双减”\n（一）丰富课后服务，课后服务参与率达到90%。',
      findings: [{ line: 3, column: 11, covers: '课后服务参与率达到90%' }],
      output: null,
    },
    {
      // two averages per year over the same period that differ are a conflict
      text: '一、发展目标\n全市城乡居民收入年均增长7%。\n二、民生保障\n城乡居民收入年均增长6%。',
      findings: [{ line: 4, column: 1, covers: '城乡居民收入年均增长6%' }],
      output: null,
    },
  ],
} satisfies RuleCases;
