/** Rule ids the CLI reports besides the analysis rules: configuration and input problems. */
import type { Localized, Severity } from '../core/model.js';

export interface PseudoRule {
  id: string;
  severity: Severity;
  description: Localized;
}

export const configRules: readonly PseudoRule[] = [
  {
    id: 'config/front-matter',
    severity: 'error',
    description: {
      zh: '文首元数据（YAML front matter）有误：语法错误、未知的键（警告）、类型或取值不对',
      en: "The draft's front matter is wrong: YAML syntax, unknown keys (warning), wrong types or values",
    },
  },
  {
    id: 'config/yaml',
    severity: 'error',
    description: {
      zh: '配置文件（planlint.yaml、规则配置、要求集）的 YAML 语法错误',
      en: 'YAML syntax error in a configuration file (planlint.yaml, a profile, a requirement set)',
    },
  },
  {
    id: 'config/schema',
    severity: 'error',
    description: {
      zh: '配置文件不符合其 JSON Schema（schemas/*.schema.json）',
      en: 'A configuration file does not match its JSON Schema (schemas/*.schema.json)',
    },
  },
  {
    id: 'config/profile',
    severity: 'error',
    description: { zh: '找不到引用的规则配置（profile），或其 extends 形成循环', en: 'A referenced profile cannot be found, or its "extends" forms a cycle' },
  },
  {
    id: 'config/requirements',
    severity: 'error',
    description: { zh: '找不到引用的要求集，或其不在工作区内', en: 'A referenced requirement set cannot be found, or lies outside the workspace' },
  },
  {
    id: 'planlint/large-document',
    severity: 'information',
    description: {
      zh: '文稿超过大小上限（语言服务器的 planlint.maxDocumentSize），只做结构检查（序号、列举、标题标点），跳过指标、算术、文字和对照检查',
      en: "The draft is larger than the size limit (the language server's planlint.maxDocumentSize): structural checks only (numbering, enumerations, heading punctuation); indicator, arithmetic, text and alignment checks are skipped",
    },
  },
  {
    id: 'internal/error',
    severity: 'error',
    description: {
      zh: 'planlint 自身的错误：某条规则运行失败，其结果缺失（请报告此问题）',
      en: 'A planlint bug: a rule failed and its findings are missing (please report this)',
    },
  },
  {
    id: 'input/encoding',
    severity: 'warning',
    description: {
      zh: '文件中有无效的字节序列（已替换为 U+FFFD，定位到第一处）：文件可能已损坏或混用了编码；这类文件不会被 --fix 写回',
      en: 'The file holds invalid byte sequences (replaced by U+FFFD, located at the first): a damaged file or mixed encodings; --fix does not write such a file back',
    },
  },
  {
    id: 'input/unread-content',
    severity: 'information',
    description: {
      zh: '.docx 中有未读取的内容（文本框、图表、嵌入对象），其中的文字未检查',
      en: 'The .docx holds content that is not read (text boxes, charts, embedded objects): any text in it is not checked',
    },
  },
  {
    id: 'input/unreadable',
    severity: 'error',
    description: {
      zh: '文件无法读取：不存在、没有权限、不是文本文件或不是有效的 .docx',
      en: 'A file cannot be read: missing, no permission, not text, or not a valid .docx',
    },
  },
];
